package dev.ballast.scheduler.ha;

import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.plans.Database;
import dev.ballast.scheduler.plans.JdbcJournal;
import dev.ballast.scheduler.plans.JdbcPlanStore;
import dev.ballast.scheduler.plans.PlanRecord;
import dev.ballast.scheduler.plans.PlanViews;
import dev.ballast.scheduler.plans.StaleLeaderException;
import io.micronaut.json.JsonMapper;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import dev.ballast.scheduler.plans.PlanStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several Ballast instances on a real ZooKeeper and a real PostgreSQL (Debian's packages, started on loopback by the
 * project's scripts), managing one simulated cluster: one leader at a time, failover when the leader dies during a
 * plan, nobody acting without ZooKeeper, and a partitioned leader stopping before its successor starts.
 */
@Timeout(300)
class HighAvailabilityTest {
    private static final Duration SESSION = Duration.ofSeconds(3);
    private static ScriptServer zookeeper;
    private static ScriptServer postgres;
    private final List<BallastInstance> instances = new ArrayList<>();
    private ScriptServer ownZookeeper;

    @BeforeAll
    static void servers() throws Exception {
        zookeeper = ScriptServer.zookeeper();
        postgres = ScriptServer.postgres();
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (zookeeper != null) {
            zookeeper.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopInstances() throws Exception {
        for (BallastInstance i : instances) {
            i.close();
        }
        if (ownZookeeper != null) {
            ownZookeeper.close();
        }
    }

    private List<BallastInstance> start(String cluster, SharedSimulation.World world, int count, int zookeeperPort) throws Exception {
        String worldName = cluster;
        SharedSimulation.WORLDS.put(worldName, world);
        List<BallastInstance> started = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            BallastInstance instance = new BallastInstance(cluster + "-i" + i, cluster, worldName, zookeeperPort, postgres.port(), SESSION, Map.of());
            instances.add(instance);
            started.add(instance);
        }
        return started;
    }

    private static void await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static List<BallastInstance> acting(List<BallastInstance> group) {
        return group.stream().filter(BallastInstance::acting).toList();
    }

    private static BallastInstance awaitLeader(List<BallastInstance> group) throws InterruptedException {
        await(SESSION.multipliedBy(4).plusSeconds(20), "one of " + group.stream().map(i -> i.name).toList() + " acts", () -> acting(group).size() == 1);
        return acting(group).get(0);
    }

    @Test
    void exactlyOneInstanceLeadsTheClusterAtAnyTimeAndAnotherTakesOverWhenItStops() throws Exception {
        List<BallastInstance> group = start("one-leader", SharedSimulation.World.create("one-leader", 6, 30, 0), 3, zookeeper.port());
        BallastInstance leader = awaitLeader(group);
        for (BallastInstance i : group) {
            BallastInstance.Reply r = i.get("/api/leadership");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json()).containsEntry("leader", leader.name).containsEntry("acting", i == leader).containsEntry("highAvailability", true);
        }
        // sampled for two seconds: never two
        Instant end = Instant.now().plusSeconds(2);
        while (Instant.now().isBefore(end)) {
            assertThat(acting(group)).hasSize(1);
            Thread.sleep(10);
        }
        long firstEpoch = leader.leadership().epoch();
        List<BallastInstance> rest = new ArrayList<>(group);
        rest.remove(leader);
        leader.close();
        List<Integer> seen = new ArrayList<>();
        Instant limit = Instant.now().plus(SESSION.multipliedBy(4).plusSeconds(20));
        while (acting(rest).size() != 1) {
            seen.add(acting(rest).size());
            assertThat(Instant.now()).isBefore(limit);
            Thread.sleep(10);
        }
        assertThat(seen).allMatch(n -> n <= 1);
        BallastInstance next = acting(rest).get(0);
        assertThat(next.leadership().epoch()).isGreaterThan(firstEpoch);
        assertThat(next.get("/api/leadership").json()).containsEntry("acting", true);
    }

    @Test
    void whenTheLeaderIsKilledDuringAPlanAnotherInstanceCleanlyStopsItAndNoStepRunsTwice() throws Exception {
        SharedSimulation.World world = SharedSimulation.World.create("killed", 12, 80, 0.02);
        List<BallastInstance> group = start("killed", world, 3, zookeeper.port());
        BallastInstance leader = awaitLeader(group);
        BallastInstance other = group.stream().filter(i -> i != leader).findFirst().orElseThrow();

        // any instance previews; an action sent to one that does not lead is forwarded to the leader
        BallastInstance.Reply preview = other.post("/api/plans", "{\"goal\":\"CONSOLIDATE\",\"timeLimitSeconds\":2}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        String id = (String) preview.json().get("id");
        assertThat((Integer) preview.json().get("migrations")).isGreaterThan(3);
        BallastInstance.Reply execute = other.post("/api/plans/" + id + "/execute", "");
        assertThat(execute.status()).as(execute.body()).isEqualTo(202);
        assertThat(execute.raw().headers().firstValue("X-Ballast-Leader")).contains(leader.name);

        await(Duration.ofSeconds(60), "a step done and one running on the leader", () -> {
            List<StepOutcome> o = leader.plans().get(id).outcomes();
            return o.stream().anyMatch(s -> s.status() == StepStatus.SUCCEEDED) && o.stream().anyMatch(s -> s.status() == StepStatus.RUNNING);
        });
        // an instance that does not lead follows the plan's progress through the shared store
        List<PlanViews.PlanView> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable unsubscribe = other.plans().subscribe(id, heard::add);
        leader.kill();
        List<BallastInstance> survivors = group.stream().filter(i -> i != leader).toList();
        BallastInstance successor = awaitLeader(survivors);

        await(Duration.ofSeconds(30), "plan " + id + " ended", () -> !successor.plans().get(id).status().isPending()
                && successor.plans().get(id).status() != PlanStatus.EXECUTING);
        PlanRecord ended = successor.plans().get(id);
        assertThat(ended.status()).isEqualTo(PlanStatus.FAILED);
        assertThat(ended.message()).contains("reconciled from the journal and the hypervisors");
        // what the survivors serve is what the store holds
        BallastInstance.Reply read = survivors.get(0).get("/api/plans/" + id);
        assertThat(read.json()).containsEntry("status", "FAILED");
        await(Duration.ofSeconds(5), "the follower heard the plan end", () -> !heard.isEmpty() && heard.get(heard.size() - 1).status().equals("FAILED"));
        assertThat(heard.get(0).status()).isEqualTo("EXECUTING");
        unsubscribe.run();

        assertSafe(world, ended, world.ledger);
        // the new leader acts: a fresh plan from the cluster as it is now runs to its end
        int before = world.ledger.size();
        BallastInstance.Reply again = successor.post("/api/plans", "{\"goal\":\"CONSOLIDATE\",\"timeLimitSeconds\":2}");
        String second = (String) again.json().get("id");
        assertThat(successor.post("/api/plans/" + second + "/execute", "").status()).isEqualTo(202);
        await(Duration.ofSeconds(120), "plan " + second + " ended", () -> successor.plans().get(second).status().isFinal());
        assertThat(successor.plans().get(second).status()).isEqualTo(PlanStatus.SUCCEEDED);
        assertSafe(world, successor.plans().get(second), world.ledger.subList(before, world.ledger.size()));
    }

    /**
     * No VM half-moved or on two hosts, no host over its memory, every migration of the plan started at most once
     * (the ledger holds the migrations started while the plan ran).
     */
    private static void assertSafe(SharedSimulation.World world, PlanRecord plan, List<String> ledger) {
        ClusterSnapshot now = world.cluster.snapshot();
        Map<String, Double> memory = new HashMap<>();
        for (Vm vm : now.vms()) {
            assertThat(world.cluster.isMigrating(vm.id())).as("vm %s left migrating", vm.id()).isFalse();
            memory.merge(vm.host().value(), vm.size().memoryMib(), Double::sum);
        }
        for (Host h : now.hosts()) {
            assertThat(memory.getOrDefault(h.id().value(), 0.0)).as("memory on %s", h.id()).isLessThanOrEqualTo(h.capacity().memoryMib());
        }
        assertThat(ledger).doesNotHaveDuplicates();
        for (StepOutcome o : plan.outcomes()) {
            if (o.step() instanceof LiveMigrate m) {
                long started = ledger.stream().filter(l -> l.endsWith(" " + m.vm() + " " + m.source() + "->" + m.target())).count();
                assertThat(started).as("times step %s started", o.index()).isLessThanOrEqualTo(1);
                if (o.status() == StepStatus.NOT_STARTED || o.status() == StepStatus.CANCELLED) {
                    assertThat(started).as("step %s did not start", o.index()).isZero();
                }
                if (o.status() == StepStatus.SUCCEEDED) {
                    assertThat(started).as("step %s started once", o.index()).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void withoutZooKeeperNoInstanceActsAndReadsAndPreviewsStillWork() throws Exception {
        ownZookeeper = ScriptServer.zookeeper();
        List<BallastInstance> group = start("no-zk", SharedSimulation.World.create("no-zk", 6, 30, 0), 2, ownZookeeper.port());
        awaitLeader(group);
        BallastInstance.Reply made = group.get(0).post("/api/plans", "{\"goal\":\"BALANCE\",\"timeLimitSeconds\":1}");
        String id = (String) made.json().get("id");

        ownZookeeper.stop();
        await(SESSION.plusSeconds(5), "no instance acts", () -> acting(group).isEmpty());
        for (BallastInstance i : group) {
            assertThat(i.get("/api/plans/" + id).status()).isEqualTo(200);
            assertThat(i.get("/api/plans").status()).isEqualTo(200);
            assertThat(i.get("/api/cluster").status()).isEqualTo(200);
            assertThat(i.post("/api/plans", "{\"goal\":\"BALANCE\",\"timeLimitSeconds\":1}").status()).isEqualTo(201);
            BallastInstance.Reply refused = i.post("/api/plans/" + id + "/execute", "");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("ZooKeeper is out of reach");
            assertThat(i.put("/api/autopilot", "{\"mode\":\"AUTO\"}").status()).isEqualTo(503);
            assertThat(i.autopilot().tick()).isNull();
        }
        // the plan made before is still there and pending: nobody acted on it
        assertThat(group.get(1).plans().get(id).status()).isEqualTo(PlanStatus.RECOMMENDED);

        ownZookeeper.start();
        awaitLeader(group);
    }

    @Test
    void aPartitionedLeaderStopsActingBeforeAnotherStartsAndItsWritesAreRefused() throws Exception {
        SharedSimulation.World world = SharedSimulation.World.create("partition", 12, 80, 0.02);
        List<BallastInstance> group = start("partition", world, 2, zookeeper.port());
        BallastInstance leader = awaitLeader(group);
        BallastInstance other = group.get(0) == leader ? group.get(1) : group.get(0);
        String id = (String) leader.post("/api/plans", "{\"goal\":\"CONSOLIDATE\",\"timeLimitSeconds\":2}").json().get("id");
        assertThat(leader.post("/api/plans/" + id + "/execute", "").status()).isEqualTo(202);
        await(Duration.ofSeconds(60), "a migration running", () -> leader.plans().get(id).outcomes().stream()
                .anyMatch(s -> s.status() == StepStatus.RUNNING));

        leader.zookeeper.cut(); // the leader still reaches the database and the hosts, but not ZooKeeper
        BallastInstance successor = awaitLeader(List.of(other));
        Instant successorActing = successor.leadership().actingSince().orElseThrow();
        assertThat(leader.acting()).isFalse();
        assertThat(leader.leadership().steppedDownAt()).isPresent();
        assertThat(leader.leadership().steppedDownAt().get()).isBefore(successorActing);

        // its writes are refused now: the store's fence and the executor's journal both say why
        assertThat(leader.plans().acting()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> leader.plans().approve(id, "someone"))
                .hasMessageContaining("does not lead");
        await(Duration.ofSeconds(30), "plan " + id + " ended", () -> successor.plans().get(id).status().isFinal());
        assertSafe(world, successor.plans().get(id), world.ledger);
        assertThat(successor.plans().get(id).outcomes()).noneMatch(o -> o.status() == StepStatus.RUNNING);
    }

    @Test
    void aWriteCarryingAStaleEpochIsRefusedAndLeavesNothingBehind() {
        Database db = Database.open(postgres.jdbcUrl(), "ballast", "ballast");
        LeaderEpochs old = new LeaderEpochs(db, "fenced", "old", java.time.Clock.systemUTC());
        LeaderEpochs next = new LeaderEpochs(db, "fenced", "next", java.time.Clock.systemUTC());
        long first = old.acquire();
        JdbcJournal oldJournal = new JdbcJournal(db, "fenced", old);
        LiveMigrate step = new LiveMigrate(VmId.of("vm-1"), HostId.of("h-1"), HostId.of("h-2"), 1024, "test");
        oldJournal.planStarted(new Plan("p-1", List.of(step)), Instant.now());

        long second = next.acquire(); // the old leader has not heard yet: it still holds its epoch
        assertThat(second).isEqualTo(first + 1);
        assertThat(old.held()).isEqualTo(first);
        StepOutcome running = StepOutcome.notStarted(0, step).running(Instant.now(), "migrating");
        assertThatThrownBy(() -> oldJournal.stepChanged("p-1", running)).isInstanceOf(StaleLeaderException.class)
                .hasMessageContaining("epoch " + first).hasMessageContaining("epoch " + second);
        JdbcPlanStore oldStore = new JdbcPlanStore(db, "fenced", old, JsonMapper.createDefault());
        assertThatThrownBy(() -> oldStore.append(new PlanViews.Decision(Instant.now(), "autopilot", "execute", "stale", null)))
                .isInstanceOf(StaleLeaderException.class);
        assertThat(new JdbcPlanStore(db, "fenced", next, JsonMapper.createDefault()).decisions(10)).isEmpty();

        // the new leader reads the plan as the old one left it before the new epoch: its step never started
        JdbcJournal nextJournal = new JdbcJournal(db, "fenced", next);
        assertThat(nextJournal.read()).singleElement().satisfies(p -> assertThat(p.steps()).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.NOT_STARTED)));
        nextJournal.stepChanged("p-1", running);
        assertThat(nextJournal.read().get(0).steps().get(0).status()).isEqualTo(StepStatus.RUNNING);
    }

    /** One member's instances, one per cluster, each with its own ZooKeeper session. */
    private record Member(String name, List<CuratorFramework> clients, List<ClusterLeadership> leaderships) {
        static Member start(String name, List<String> clusters, int zookeeperPort, Database db) {
            List<CuratorFramework> clients = new ArrayList<>();
            List<ClusterLeadership> leaderships = new ArrayList<>();
            for (String cluster : clusters) {
                CuratorFramework client = CuratorFrameworkFactory.builder().connectString("127.0.0.1:" + zookeeperPort)
                        .sessionTimeoutMs((int) SESSION.toMillis()).connectionTimeoutMs(2000).namespace("spread")
                        .retryPolicy(new ExponentialBackoffRetry(200, 10, 2000)).build();
                client.start();
                String instance = name + "-" + cluster;
                ClusterLeadership l = new ClusterLeadership(client, cluster, name, instance, new LeaderBalance(client), Duration.ofSeconds(1),
                        new LeaderEpochs(db, cluster, instance, java.time.Clock.systemUTC()), java.time.Clock.systemUTC());
                l.start("http://127.0.0.1:1/" + instance, new ClusterLeadership.Callbacks() {
                    @Override
                    public void takeOver() {
                    }

                    @Override
                    public void stepDown() {
                    }
                });
                clients.add(client);
                leaderships.add(l);
            }
            return new Member(name, clients, leaderships);
        }

        /** The machine dies: its sessions end, and with them its places in every election. */
        void die() {
            leaderships.forEach(ClusterLeadership::close);
            clients.forEach(CuratorFramework::close);
        }
    }

    private static Map<String, List<String>> actingMembers(List<Member> members, List<String> clusters) {
        Map<String, List<String>> byCluster = new HashMap<>();
        clusters.forEach(c -> byCluster.put(c, new ArrayList<>()));
        for (Member m : members) {
            for (ClusterLeadership l : m.leaderships()) {
                if (l.acting()) {
                    byCluster.get(l.cluster()).add(m.name());
                }
            }
        }
        return byCluster;
    }

    private static boolean spread(Map<String, List<String>> acting, int members) {
        if (acting.values().stream().anyMatch(l -> l.size() != 1)) {
            return false;
        }
        Map<String, Integer> perMember = new HashMap<>();
        acting.values().forEach(l -> perMember.merge(l.get(0), 1, Integer::sum));
        int most = perMember.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return most <= (acting.size() + members - 1) / members;
    }

    @Test
    void theLeadersOfSeveralClustersAreSpreadOverTheMembersAndMoveWhenOneDies() throws Exception {
        Database db = Database.open(postgres.jdbcUrl(), "ballast", "ballast");
        List<String> clusters = List.of("spread-a", "spread-b", "spread-c");
        List<Member> members = new ArrayList<>();
        try {
            for (String name : List.of("m1", "m2", "m3")) {
                members.add(Member.start(name, clusters, zookeeper.port(), db));
            }
            await(Duration.ofSeconds(60), "one leader per cluster, on three different members", () -> spread(actingMembers(members, clusters), 3));

            Member dead = members.get(0);
            dead.die();
            List<Member> alive = members.subList(1, 3);
            await(Duration.ofSeconds(60), "every cluster led by one of m2, m3, two and one", () -> spread(actingMembers(alive, clusters), 2));
            // never two leaders for one cluster while it settles
            Instant end = Instant.now().plusSeconds(2);
            while (Instant.now().isBefore(end)) {
                assertThat(actingMembers(alive, clusters).values()).allMatch(l -> l.size() <= 1);
                Thread.sleep(20);
            }

            members.set(0, Member.start("m1", clusters, zookeeper.port(), db));
            await(Duration.ofSeconds(60), "the returning member takes its share again", () -> spread(actingMembers(members, clusters), 3));
        } finally {
            for (Member m : members) {
                m.die();
            }
        }
    }
}
