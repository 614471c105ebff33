package dev.ballast.scheduler.sequencing;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.VmId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationSequencerTest {
    private static final StepReasons REASONS = StepReasons.labels("move", "staging", "on", "off");

    private static HostId h(String id) {
        return HostId.of(id);
    }

    private static VmId v(String id) {
        return VmId.of(id);
    }

    @Test
    void aSwapBetweenTwoFullHostsGoesThroughAStagingHost() {
        // a and b each hold one 8 GiB VM and have room for exactly one; swapping them needs a third host.
        List<HostRoom> hosts = List.of(new HostRoom(h("a"), HostState.ON, 10_000, 8192),
                new HostRoom(h("b"), HostState.ON, 10_000, 8192), new HostRoom(h("c"), HostState.ON, 10_000, 8192));
        List<VmLoad> vms = List.of(new VmLoad(v("x"), 1000, 8192), new VmLoad(v("y"), 1000, 8192));
        Map<VmId, HostId> current = Map.of(v("x"), h("a"), v("y"), h("b"));
        Map<VmId, HostId> target = Map.of(v("x"), h("b"), v("y"), h("a"));

        SequencedPlan plan = new MigrationSequencer(SequencingLimits.defaults()).sequence(hosts, vms, current, target, Set.of(), REASONS);

        assertThat(plan.unresolved()).isEmpty();
        assertThat(plan.steps()).hasSize(3);
        assertThat(plan.steps().get(0).step().reason()).isEqualTo("staging");
        WaveReplay replay = new WaveReplay(hosts, vms, current);
        assertThat(replay.replay(plan)).isEqualTo(target);
        assertThat(replay.violations).isEmpty();
    }

    @Test
    void aSwapWithNoRoomAnywhereIsReportedWithTheReason() {
        List<HostRoom> hosts = List.of(new HostRoom(h("a"), HostState.ON, 10_000, 8192),
                new HostRoom(h("b"), HostState.ON, 10_000, 8192));
        List<VmLoad> vms = List.of(new VmLoad(v("x"), 1000, 8192), new VmLoad(v("y"), 1000, 8192));
        Map<VmId, HostId> current = Map.of(v("x"), h("a"), v("y"), h("b"));
        Map<VmId, HostId> target = Map.of(v("x"), h("b"), v("y"), h("a"));

        SequencedPlan plan = new MigrationSequencer(SequencingLimits.defaults()).sequence(hosts, vms, current, target, Set.of(), REASONS);

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.unresolved()).hasSize(2)
                .allSatisfy(reason -> assertThat(reason).contains("memory 16384/8192 MiB").contains("no staging host has room"));
    }

    @Test
    void powersOnBeforeMovingInAndOffAfterEmptying() {
        List<HostRoom> hosts = List.of(new HostRoom(h("a"), HostState.ON, 10_000, 16_384),
                new HostRoom(h("b"), HostState.OFF, 10_000, 16_384), new HostRoom(h("c"), HostState.ON, 10_000, 16_384));
        List<VmLoad> vms = List.of(new VmLoad(v("x"), 1000, 4096), new VmLoad(v("y"), 1000, 4096));
        Map<VmId, HostId> current = Map.of(v("x"), h("a"), v("y"), h("c"));
        Map<VmId, HostId> target = Map.of(v("x"), h("b"), v("y"), h("b"));

        SequencedPlan plan = new MigrationSequencer(SequencingLimits.defaults())
                .sequence(hosts, vms, current, target, Set.of(h("a"), h("c")), REASONS);

        assertThat(plan.steps().get(0).step()).isEqualTo(new PowerOn(h("b"), "on"));
        assertThat(plan.steps().subList(1, 3)).allSatisfy(s -> assertThat(s.step()).isInstanceOf(LiveMigrate.class));
        assertThat(plan.steps().subList(3, 5)).extracting(SequencedStep::step)
                .containsExactly(new PowerOff(h("a"), "off"), new PowerOff(h("c"), "off"));
        assertThat(plan.steps().get(3).wave()).isGreaterThan(plan.steps().get(2).wave());
        WaveReplay replay = new WaveReplay(hosts, vms, current);
        replay.replay(plan);
        assertThat(replay.violations).isEmpty();
    }

    @Test
    void concurrencyLimitsShapeTheWaves() {
        List<HostRoom> hosts = List.of(new HostRoom(h("a"), HostState.ON, 100_000, 100_000),
                new HostRoom(h("b"), HostState.ON, 100_000, 100_000));
        List<VmLoad> vms = new ArrayList<>();
        Map<VmId, HostId> current = new LinkedHashMap<>();
        Map<VmId, HostId> target = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            vms.add(new VmLoad(v("x" + i), 100, 1024));
            current.put(v("x" + i), h("a"));
            target.put(v("x" + i), h("b"));
        }
        SequencedPlan plan = new MigrationSequencer(new SequencingLimits(2, 2, 5)).sequence(hosts, vms, current, target, Set.of(), REASONS);
        Map<Integer, Long> perWave = plan.steps().stream().collect(Collectors.groupingBy(SequencedStep::wave, Collectors.counting()));
        assertThat(perWave.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(plan.waves()).isEqualTo(3);
    }

    /** Random clusters with random feasible targets: every wave fits, the end is the target, no VM moves twice unless staged. */
    @Test
    void everyPrefixOfManyRandomPlansIsFeasible() {
        for (long seed = 1; seed <= 300; seed++) {
            Random r = new Random(seed);
            int hostCount = 3 + r.nextInt(10);
            List<HostRoom> hosts = new ArrayList<>();
            for (int i = 0; i < hostCount; i++) {
                hosts.add(new HostRoom(h("h" + i), HostState.ON, 20_000, 32_768));
            }
            List<VmLoad> vms = new ArrayList<>();
            int vmCount = hostCount * (1 + r.nextInt(5));
            for (int i = 0; i < vmCount; i++) {
                vms.add(new VmLoad(v("v" + i), 500 + r.nextInt(4000), 1024L * (1 + r.nextInt(8))));
            }
            Map<VmId, HostId> current = randomFeasiblePlacement(hosts, vms, r);
            Map<VmId, HostId> target = randomFeasiblePlacement(hosts, vms, r);
            if (current == null || target == null) {
                continue;
            }
            SequencedPlan plan = new MigrationSequencer(SequencingLimits.defaults()).sequence(hosts, vms, current, target, Set.of(), REASONS);
            WaveReplay replay = new WaveReplay(hosts, vms, current);
            Map<VmId, HostId> end = replay.replay(plan);
            assertThat(replay.violations).as("seed %d", seed).isEmpty();
            if (plan.unresolved().isEmpty()) {
                assertThat(end).as("seed %d", seed).isEqualTo(target);
            }
            Map<VmId, Long> moves = plan.steps().stream().filter(s -> s.step() instanceof LiveMigrate)
                    .collect(Collectors.groupingBy(s -> ((LiveMigrate) s.step()).vm(), Collectors.counting()));
            Set<VmId> staged = plan.steps().stream().filter(s -> s.step().reason().equals("staging"))
                    .map(s -> ((LiveMigrate) s.step()).vm()).collect(Collectors.toSet());
            long s = seed;
            moves.forEach((vm, n) -> assertThat(n).as("seed %d vm %s", s, vm).isLessThanOrEqualTo(staged.contains(vm) ? 2 : 1));
        }
    }

    private static Map<VmId, HostId> randomFeasiblePlacement(List<HostRoom> hosts, List<VmLoad> vms, Random r) {
        Map<HostId, long[]> used = new HashMap<>();
        hosts.forEach(h -> used.put(h.id(), new long[2]));
        Map<VmId, HostId> placement = new LinkedHashMap<>();
        for (VmLoad vm : vms) {
            List<HostRoom> order = new ArrayList<>(hosts);
            Collections.shuffle(order, r);
            HostRoom chosen = order.stream().filter(h -> used.get(h.id())[0] + vm.cpu() <= h.cpuLimit()
                    && used.get(h.id())[1] + vm.memory() <= h.memoryLimit()).findFirst().orElse(null);
            if (chosen == null) {
                return null;
            }
            used.get(chosen.id())[0] += vm.cpu();
            used.get(chosen.id())[1] += vm.memory();
            placement.put(vm.id(), chosen.id());
        }
        return placement;
    }
}
