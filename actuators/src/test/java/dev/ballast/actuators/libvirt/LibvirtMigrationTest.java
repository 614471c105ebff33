package dev.ballast.actuators.libvirt;

import dev.ballast.actuators.execution.ExecutionLimits;
import dev.ballast.actuators.execution.ExecutionReport;
import dev.ballast.actuators.execution.PlanExecutor;
import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.journal.FileJournal;
import dev.ballast.actuators.journal.JournalReconciler;
import dev.ballast.actuators.journal.JournaledPlan;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.actuators.power.BmcAddress;
import dev.ballast.actuators.power.IpmiPowerDriver;
import dev.ballast.actuators.power.PowerState;
import dev.ballast.actuators.support.Scripts;
import dev.ballast.actuators.support.Testbed;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.VmId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real live migrations between two libvirtd hosts in network namespaces, with two tiny QEMU guests that print a
 * heartbeat every second and dirty memory. The tests share the testbed and run in order, each starting from where
 * the previous one left the guests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibvirtMigrationTest {
    private static final VmId G1 = VmId.of("g1");
    private static final VmId G2 = VmId.of("g2");

    private Testbed testbed;
    private HostId h1;
    private HostId h2;
    private final List<MigrationResult> results = new CopyOnWriteArrayList<>();
    private final List<MigrationProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    void up() {
        String why = Testbed.unavailableBecause();
        Assumptions.assumeTrue(why == null, "skipped: " + why);
        testbed = Testbed.up(2);
        h1 = testbed.id(1);
        h2 = testbed.id(2);
        testbed.guest(1, "g1", 128, 8);
        testbed.guest(1, "g2", 128, 8);
        testbed.waitHeartbeat("g1");
        testbed.waitHeartbeat("g2");
    }

    @AfterAll
    void down() {
        if (testbed != null) {
            testbed.close();
        }
    }

    private LibvirtHypervisor hypervisor(long bandwidth) {
        MigrationObserver observer = new MigrationObserver() {
            @Override
            public void onProgress(MigrationProgress p) {
                progress.add(p);
            }

            @Override
            public void onFinished(MigrationResult r) {
                results.add(r);
            }
        };
        return new LibvirtHypervisor(testbed.libvirtHosts(), MigrationSettings.defaults().withBandwidth(bandwidth), null,
                Map.of(), observer, Clock.systemUTC());
    }

    private LiveMigrate move(VmId vm, HostId from, HostId to) {
        return new LiveMigrate(vm, from, to, 128, "test");
    }

    /** Where the hypervisors run the guest, from virsh (not from the driver under test). */
    private List<HostId> runningOn(String guest) {
        List<HostId> where = new ArrayList<>();
        for (int h = 1; h <= 2; h++) {
            String list = testbed.virshIfUp(h, "list", "--state-running", "--name");
            if (list.lines().map(String::strip).anyMatch(guest::equals)) {
                where.add(testbed.id(h));
            }
        }
        return where;
    }

    @Test
    @Order(1)
    void aLiveMigrationKeepsTheGuestRunningPersistsItOnTheTargetAndUndefinesTheSource() {
        int before = testbed.heartbeats("g1");
        ExecutionReport report = new PlanExecutor(hypervisor(64)).execute(new Plan("one", List.of(move(G1, h1, h2))), null);

        assertThat(report.steps().get(0).status()).as(report.toString()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(runningOn("g1")).containsExactly(h2);
        assertThat(testbed.virsh(2, "dominfo", "g1")).containsPattern("Persistent:\\s+yes");
        assertThat(testbed.virsh(1, "list", "--all", "--name").lines().map(String::strip)).doesNotContain("g1");
        int after = testbed.heartbeats("g1");
        assertThat(after).isGreaterThanOrEqualTo(before);
        assertThat(testbed.heartbeatAfter("g1", after, 10_000)).as("g1 keeps printing heartbeats after the migration").isTrue();
        MigrationResult r = results.get(results.size() - 1);
        assertThat(r.vm()).isEqualTo(G1);
        assertThat(r.mode()).isEqualTo(MigrationMode.PRE_COPY);
        assertThat(r.dataProcessedBytes()).isGreaterThan(1024 * 1024);
        assertThat(r.downtimeMillis()).isGreaterThanOrEqualTo(0);
        ClusterSnapshot seen = hypervisor(64).observe();
        assertThat(seen.vm(G1).orElseThrow().host()).isEqualTo(h2);
        assertThat(seen.vm(G2).orElseThrow().host()).isEqualTo(h1);
    }

    @Test
    @Order(2)
    void aThreeStepPlanRunsInOrderUnderAConcurrencyLimitOfOne() {
        List<StepOutcome> events = new CopyOnWriteArrayList<>();
        Set<Integer> running = new HashSet<>();
        int[] maxRunning = {0};
        PlanExecutor executor = new PlanExecutor(hypervisor(64), ExecutionLimits.sequential(), dev.ballast.actuators.execution.ExecutionJournal.NONE, Clock.systemUTC());

        ExecutionReport report = executor.execute(new Plan("three", List.of(move(G1, h2, h1), move(G2, h1, h2), move(G1, h1, h2))), e -> {
            events.add(e);
            if (e.status() == StepStatus.RUNNING) {
                running.add(e.index());
            } else {
                running.remove(e.index());
            }
            maxRunning[0] = Math.max(maxRunning[0], running.size());
        });

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(maxRunning[0]).isEqualTo(1);
        assertThat(events).extracting(e -> e.index() + ":" + e.status())
                .containsExactly("0:RUNNING", "0:SUCCEEDED", "1:RUNNING", "1:SUCCEEDED", "2:RUNNING", "2:SUCCEEDED");
        assertThat(runningOn("g1")).containsExactly(h2);
        assertThat(runningOn("g2")).containsExactly(h2);
    }

    @Test
    @Order(3)
    void aStoppedDestinationStopsThePlanCleanlyAndTheGuestRunsOnItsSource() {
        testbed.stopHost(1);
        try {
            PlanExecutor executor = new PlanExecutor(hypervisor(64), ExecutionLimits.sequential(),
                    dev.ballast.actuators.execution.ExecutionJournal.NONE, Clock.systemUTC());
            ExecutionReport report = executor.execute(
                    new Plan("to-a-dead-host", List.of(move(G1, h2, h1), move(G2, h2, h1))), null);

            assertThat(report.steps().get(0).status()).isEqualTo(StepStatus.FAILED);
            assertThat(report.steps().get(0).message()).contains("target host h1", "g1", "OFF");
            assertThat(report.steps().get(1).status()).isEqualTo(StepStatus.NOT_STARTED);
            assertThat(runningOn("g1")).containsExactly(h2);
            assertThat(testbed.heartbeatAfter("g1", testbed.heartbeats("g1"), 10_000)).isTrue();
            ClusterSnapshot seen = hypervisor(64).observe();
            assertThat(seen.host(h1).orElseThrow().state()).isEqualTo(HostState.OFF);
            assertThat(seen.host(h1).orElseThrow().labels().get("ballast.unreachable")).contains("libvirt unreachable");
        } finally {
            testbed.startHost(1);
        }
    }

    @Test
    @Order(4)
    void aProcessKilledDuringAMigrationIsReconciledToOneRunningGuestAndTheJournalSaysWhere(@TempDir Path work) throws Exception {
        Path journalFile = work.resolve("journal.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath, MigrationChild.class.getName(),
                journalFile.toString(), "4", "g1", "h2", "h1"));
        for (var h : testbed.libvirtHosts()) {
            cmd.addAll(List.of(h.id().value(), h.uri(), h.peerUri()));
        }
        File childLog = work.resolve("child.log").toFile();
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(childLog).start();
        try {
            // kill it once the journal says the step runs and the source's job has moved some memory
            long until = System.currentTimeMillis() + 60_000;
            boolean migrating = false;
            while (System.currentTimeMillis() < until && !migrating) {
                Thread.sleep(250);
                List<JournaledPlan> plans = Files.exists(journalFile) ? new FileJournal(journalFile).read() : List.of();
                boolean journaledRunning = !plans.isEmpty() && plans.get(0).steps().get(0).status() == StepStatus.RUNNING;
                migrating = journaledRunning && testbed.virsh(2, "domjobinfo", "g1").contains("Unbounded");
                assertThat(child.isAlive()).as("child still migrating; its log: %s", Files.readString(childLog.toPath())).isTrue();
            }
            assertThat(migrating).as("the child started its migration; log: %s", Files.readString(childLog.toPath())).isTrue();
            Thread.sleep(1500);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        List<ExecutionReport> reconciled = new JournalReconciler(new FileJournal(journalFile), hypervisor(64), Clock.systemUTC()).reconcile();

        assertThat(reconciled).hasSize(1);
        StepOutcome step = reconciled.get(0).steps().get(0);
        List<HostId> where = runningOn("g1");
        assertThat(where).as("g1 runs on exactly one host").hasSize(1);
        assertThat(step.message()).contains("runs on " + where.get(0));
        assertThat(step.status()).isEqualTo(where.get(0).equals(h1) ? StepStatus.SUCCEEDED : StepStatus.FAILED);
        for (int h = 1; h <= 2; h++) {
            assertThat(testbed.virsh(h, "list", "--state-paused", "--name").strip()).as("nothing paused on h%d", h).isEmpty();
        }
        assertThat(testbed.heartbeatAfter("g1", testbed.heartbeats("g1"), 10_000)).isTrue();
        JournaledPlan journaled = new FileJournal(journalFile).read().get(0);
        assertThat(journaled.ending()).contains("reconciled");
        assertThat(journaled.steps().get(0).message()).contains("runs on " + where.get(0));
        assertThat(new JournalReconciler(new FileJournal(journalFile), hypervisor(64), Clock.systemUTC()).reconcile()).isEmpty();
    }
    @Test
    @Order(5)
    void aMigrationThatOutlivesItsTimeoutIsAbortedAndTheGuestKeepsRunningOnItsSource() {
        HostId from = runningOn("g2").get(0);
        HostId to = from.equals(h1) ? h2 : h1;
        LibvirtHypervisor slow = new LibvirtHypervisor(testbed.libvirtHosts(),
                MigrationSettings.defaults().withBandwidth(1).withTimeout(Duration.ofSeconds(3)));
        long t0 = System.nanoTime();

        ExecutionReport report = new PlanExecutor(slow).execute(new Plan("too-slow", List.of(move(G2, from, to))), null);

        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
        StepOutcome step = report.steps().get(0);
        assertThat(step.status()).isEqualTo(StepStatus.FAILED);
        assertThat(step.message()).contains("timed out after PT3S", "aborted", "g2", "runs on " + from);
        assertThat(runningOn("g2")).containsExactly(from);
        assertThat(testbed.virsh(to.equals(h1) ? 1 : 2, "list", "--all", "--name").lines().map(String::strip)).doesNotContain("g2");
        assertThat(testbed.heartbeatAfter("g2", testbed.heartbeats("g2"), 10_000)).isTrue();
    }

    @Test
    @Order(6)
    void powerGoesThroughTheBmcOnlyForAnEmptyHostAndPowerOnWaitsForLibvirt(@TempDir Path work) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("scripts/ipmi-sim.sh")), "scripts/ipmi-sim.sh not found");
        // empty h1 first
        List<LiveMigrate> evacuate = new ArrayList<>();
        for (VmId vm : List.of(G1, G2)) {
            if (runningOn(vm.value()).contains(h1)) {
                evacuate.add(move(vm, h1, h2));
            }
        }
        assertThat(new PlanExecutor(hypervisor(64)).execute(new Plan("evacuate", List.copyOf(evacuate)), null).succeeded()).isTrue();

        String script = Testbed.SCRIPT.toAbsolutePath().normalize().toString();
        String tb = "TB_NAME=" + testbed.env().get("TB_NAME") + " TB_DIR=" + testbed.dir() + " TB_HOSTS=2 " + script;
        int port = Scripts.freeUdpPort();
        Map<String, String> bmcEnv = Map.of("BMC_PORT", Integer.toString(port), "BMC_PASSWORD", "pw", "BMC_DIR", work.resolve("bmc").toString(),
                "BMC_ON_POWER_OFF", tb + " stop-host 1", "BMC_ON_POWER_ON", tb + " start-host 1");
        String pid = Scripts.runOrFail(bmcEnv, 600, "scripts/ipmi-sim.sh", "up").stdout().strip();
        try {
            IpmiPowerDriver ipmi = new IpmiPowerDriver(Map.of(h1, new BmcAddress("127.0.0.1", port, "admin", "pw")));
            LibvirtHypervisor powered = new LibvirtHypervisor(testbed.libvirtHosts(),
                    MigrationSettings.defaults().withBootTimeout(Duration.ofSeconds(60)), ipmi, Map.of(), MigrationObserver.NONE, Clock.systemUTC());
            PlanExecutor executor = new PlanExecutor(powered);

            ExecutionReport busy = executor.execute(new Plan("off-busy", List.of(new PowerOff(h2, "wrong"))), null);
            assertThat(busy.steps().get(0).status()).isEqualTo(StepStatus.FAILED);
            assertThat(busy.steps().get(0).message()).contains("h2", "still runs");

            ExecutionReport off = executor.execute(new Plan("off", List.of(new PowerOff(h1, "empty"))), null);
            assertThat(off.steps().get(0).status()).as(off.toString()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(ipmi.status(h1)).isEqualTo(PowerState.OFF);
            assertThat(powered.observe().host(h1).orElseThrow().state()).isEqualTo(HostState.OFF);

            ExecutionReport on = executor.execute(new Plan("on", List.of(new PowerOn(h1, "morning"))), null);
            assertThat(on.steps().get(0).status()).as(on.toString()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(ipmi.status(h1)).isEqualTo(PowerState.ON);
            assertThat(testbed.virsh(1, "uri")).contains("qemu");
            assertThat(runningOn("g1")).containsExactly(h2);
        } finally {
            Scripts.runOrFail(Map.of(), 30, "scripts/ipmi-sim.sh", "down", pid);
        }
    }
    @Test
    @Order(7)
    void everyMigrationModeMovesTheGuestAndKeepsItRunning() {
        for (MigrationMode mode : List.of(MigrationMode.AUTO_CONVERGE, MigrationMode.COMPRESSED, MigrationMode.POST_COPY)) {
            HostId from = runningOn("g1").get(0);
            HostId to = from.equals(h1) ? h2 : h1;
            List<MigrationResult> seen = new CopyOnWriteArrayList<>();
            LibvirtHypervisor forced = new LibvirtHypervisor(testbed.libvirtHosts(),
                    MigrationSettings.defaults().withBandwidth(32).withOverrides(Map.of(G1, mode)), null, Map.of(),
                    new MigrationObserver() {
                        @Override
                        public void onFinished(MigrationResult r) {
                            seen.add(r);
                        }
                    }, Clock.systemUTC());

            ExecutionReport report = new PlanExecutor(forced).execute(new Plan("mode-" + mode, List.of(move(G1, from, to))), null);

            assertThat(report.succeeded()).as("%s: %s", mode, report).isTrue();
            assertThat(seen).singleElement().satisfies(r -> {
                assertThat(r.mode()).isEqualTo(mode);
                assertThat(r.switchedToPostCopy()).isEqualTo(mode == MigrationMode.POST_COPY);
            });
            assertThat(runningOn("g1")).containsExactly(to);
            assertThat(testbed.heartbeatAfter("g1", testbed.heartbeats("g1"), 10_000)).as("g1 alive after %s", mode).isTrue();
        }
    }
}
