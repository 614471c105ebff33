package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;
import org.junit.jupiter.api.Test;

/** Every constraint with a penalized and a clean case; the expected penalties are worked out in the comments. */
class PlacementConstraintsTest {
    private final ConstraintVerifier<PlacementConstraints, PlacementSolution> verifier = ConstraintVerifier.build(
            new PlacementConstraints(), PlacementSolution.class, VmPlacement.class);

    private static final MigrationCostModel LINK = new MigrationCostModel(100, 0.8);

    // 10 cores (10,000 mc), CPU limit 8,000 mc, vCPU limit 40,000 mc, 64 GiB with a 60,000 MiB limit; 100..200 W linear.
    private static PlanningHost host(String id, HostState state) {
        return new PlanningHost(id, 10_000, 8_000, 40_000, 65_536, 60_000, state, PowerModel.linear(100, 200));
    }

    private static VmPlacement vm(String id, long cpu, long vcpus, long memory, PlanningHost current, PlanningHost target) {
        VmPlacement p = new VmPlacement(id, cpu, vcpus, memory, memory / 2, 10, current, false);
        p.setHost(target);
        return p;
    }

    @Test
    void cpuCapacityPenalizesTheExcessOverTheLimit() {
        PlanningHost a = host("a", HostState.ON);
        // 5,000 + 4,500 = 9,500 mc against a limit of 8,000: 1,500 over.
        verifier.verifyThat(PlacementConstraints::cpuCapacity)
                .given(a, vm("v1", 5_000, 1000, 1024, a, a), vm("v2", 4_500, 1000, 1024, a, a))
                .penalizesBy(1_500);
    }

    @Test
    void cpuCapacityIsCleanAtTheLimit() {
        PlanningHost a = host("a", HostState.ON);
        verifier.verifyThat(PlacementConstraints::cpuCapacity)
                .given(a, vm("v1", 5_000, 1000, 1024, a, a), vm("v2", 3_000, 1000, 1024, a, a))
                .hasNoImpact();
    }

    @Test
    void memoryCapacityPenalizesTheExcessOverTheLimit() {
        PlanningHost a = host("a", HostState.ON);
        // 40,000 + 30,000 = 70,000 MiB against 60,000: 10,000 over.
        verifier.verifyThat(PlacementConstraints::memoryCapacity)
                .given(a, vm("v1", 100, 1000, 40_000, a, a), vm("v2", 100, 1000, 30_000, a, a))
                .penalizesBy(10_000);
    }

    @Test
    void memoryCapacityIsCleanBelowTheLimit() {
        PlanningHost a = host("a", HostState.ON);
        verifier.verifyThat(PlacementConstraints::memoryCapacity)
                .given(a, vm("v1", 100, 1000, 30_000, a, a), vm("v2", 100, 1000, 30_000, a, a))
                .hasNoImpact();
    }

    @Test
    void vcpuOvercommitPenalizesAllocationBeyondTheRatio() {
        PlanningHost a = host("a", HostState.ON);
        // 24,000 + 20,000 = 44,000 mc of vCPUs against 40,000: 4,000 over.
        verifier.verifyThat(PlacementConstraints::vcpuOvercommit)
                .given(a, vm("v1", 100, 24_000, 1024, a, a), vm("v2", 100, 20_000, 1024, a, a))
                .penalizesBy(4_000);
    }

    @Test
    void vcpuOvercommitIsCleanWithinTheRatio() {
        PlanningHost a = host("a", HostState.ON);
        verifier.verifyThat(PlacementConstraints::vcpuOvercommit)
                .given(a, vm("v1", 100, 20_000, 1024, a, a), vm("v2", 100, 20_000, 1024, a, a))
                .hasNoImpact();
    }

    @Test
    void unusableHostPenalizesTheMemoryPlacedOnOffOrMaintenanceHosts() {
        PlanningHost on = host("on", HostState.ON);
        PlanningHost off = host("off", HostState.OFF);
        PlanningHost maintenance = host("m", HostState.MAINTENANCE);
        // 2,048 MiB on the off host + 4,096 MiB on the host in maintenance.
        verifier.verifyThat(PlacementConstraints::unusableHost)
                .given(on, off, maintenance, vm("v1", 100, 1000, 2048, on, off), vm("v2", 100, 1000, 4096, on, maintenance),
                        vm("v3", 100, 1000, 8192, on, on))
                .penalizesBy(6_144);
    }

    @Test
    void unusableHostIsCleanWhenEveryVmIsOnAnOnHost() {
        PlanningHost on = host("on", HostState.ON);
        PlanningHost off = host("off", HostState.OFF);
        verifier.verifyThat(PlacementConstraints::unusableHost)
                .given(on, off, vm("v1", 100, 1000, 2048, on, on))
                .hasNoImpact();
    }

    @Test
    void powerChargesEachUsedHostItsWattsAtItsDemand() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        PlanningHost empty = host("c", HostState.ON);
        // a: 5,000 of 10,000 mc = 50 % -> 150 W = 1,500 dW; b: 2,000 mc = 20 % -> 120 W = 1,200 dW; c is empty: free.
        verifier.verifyThat(PlacementConstraints::power)
                .given(a, b, empty, vm("v1", 3_000, 1000, 1024, a, a), vm("v2", 2_000, 1000, 1024, a, a),
                        vm("v3", 2_000, 1000, 1024, b, b))
                .penalizesBy(2_700);
    }

    @Test
    void powerIsCleanWithNoVms() {
        verifier.verifyThat(PlacementConstraints::power)
                .given(host("a", HostState.ON))
                .hasNoImpact();
    }

    @Test
    void cpuImbalanceCountsEmptyUsableHostsButNotOffOnes() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        PlanningHost off = host("off", HostState.OFF);
        // Loads in basis points: a = 4,000 mc / 10,000 = 4,000 bp; b empty = 0; the off host is left out.
        // Mean 2,000; unfairness = sqrt((2,000^2 + 2,000^2)) = 2,828.43 -> 2,828.
        verifier.verifyThat(PlacementConstraints::cpuImbalance)
                .given(a, b, off, vm("v1", 4_000, 1000, 1024, a, a))
                .penalizesBy(2_828);
    }

    @Test
    void cpuImbalanceIsCleanWhenLoadIsEven() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        verifier.verifyThat(PlacementConstraints::cpuImbalance)
                .given(a, b, vm("v1", 3_000, 1000, 1024, a, a), vm("v2", 3_000, 1000, 1024, b, b))
                .hasNoImpact();
    }

    @Test
    void memoryImbalancePenalizesUnevenMemoryDemand() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        // Memory demand is half the allocation: 32,768 MiB of 65,536 = 5,000 bp on a, 0 on b -> sqrt(2 * 2,500^2) = 3,535.5 -> 3,536.
        verifier.verifyThat(PlacementConstraints::memoryImbalance)
                .given(a, b, vm("v1", 100, 1000, 65_536, a, a))
                .penalizesBy(3_536);
    }

    @Test
    void memoryImbalanceIsCleanWhenEven() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        verifier.verifyThat(PlacementConstraints::memoryImbalance)
                .given(a, b, vm("v1", 100, 1000, 8192, a, a), vm("v2", 100, 1000, 8192, b, b))
                .hasNoImpact();
    }

    @Test
    void migrationCostIsTheEstimatedPreCopyTime() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        // 4,000 MiB over a 100 MiB/s link with 10 MiB/s dirtied: 4,000 / 90 = 44.44 s = 444 ds.
        verifier.verifyThat(PlacementConstraints::migrationCost)
                .given(a, b, LINK, vm("v1", 100, 1000, 4_000, a, b), vm("v2", 100, 1000, 8_000, a, a))
                .penalizesBy(444);
    }

    @Test
    void migrationCostIsCleanWhenNothingMoves() {
        PlanningHost a = host("a", HostState.ON);
        verifier.verifyThat(PlacementConstraints::migrationCost)
                .given(a, LINK, vm("v1", 100, 1000, 4_000, a, a))
                .hasNoImpact();
    }
}
