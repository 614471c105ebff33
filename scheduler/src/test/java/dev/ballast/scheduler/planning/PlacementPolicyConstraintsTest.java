package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The placement policies' constraints, each with a penalized and a clean case; penalties worked out in the comments. */
class PlacementPolicyConstraintsTest {
    private final ConstraintVerifier<PlacementConstraints, PlacementSolution> verifier = ConstraintVerifier.build(
            new PlacementConstraints(), PlacementSolution.class, VmPlacement.class);

    // 10 cores (10,000 mc), CPU limit 8,000 mc, 64 GiB (65,536 MiB) with a 60,000 MiB limit.
    private static PlanningHost host(String id, Map<String, String> labels) {
        return new PlanningHost(id, 10_000, 8_000, 40_000, 65_536, 60_000, HostState.ON, PowerModel.linear(100, 200), labels, false, true);
    }

    private static VmPlacement vm(String id, long cpu, long memory, PlanningHost current, PlanningHost target) {
        VmPlacement p = new VmPlacement(id, cpu, 1000, memory, memory, 10, current, false);
        p.setHost(target);
        return p;
    }

    private static VmPlacement vm(String id, PlanningHost current, PlanningHost target) {
        return vm(id, 1_000, 4_096, current, target);
    }

    /** The group's memberships (facts the problem derives from its groups) with the other facts and entities. */
    private static Object[] facts(java.util.stream.Stream<?> members, Object... others) {
        return java.util.stream.Stream.concat(members, java.util.Arrays.stream(others)).toArray();
    }

    @Test
    void failureDomainSpreadPenalizesEachMissingDomain() {
        PlanningHost a1 = host("a1", Map.of("rack", "a"));
        PlanningHost a2 = host("a2", Map.of("rack", "a"));
        PlanningHost bare = host("bare", Map.of());
        // web spans rack a only (the unlabelled host is no known domain): 3 needed, 1 known -> 2.
        PlanningSpread web = new PlanningSpread("web", Set.of("w1", "w2", "w3"), "rack", 3);
        verifier.verifyThat(PlacementConstraints::failureDomainSpread)
                .given(facts(web.members(), a1, a2, bare, web, vm("w1", a1, a1), vm("w2", a2, a2), vm("w3", bare, bare), vm("other", a1, a1)))
                .penalizesBy(2);
    }

    @Test
    void failureDomainSpreadIsCleanWhenTheGroupSpansEnoughDomains() {
        PlanningHost a1 = host("a1", Map.of("rack", "a"));
        PlanningHost b1 = host("b1", Map.of("rack", "b"));
        PlanningSpread web = new PlanningSpread("web", Set.of("w1", "w2"), "rack", 2);
        verifier.verifyThat(PlacementConstraints::failureDomainSpread)
                .given(facts(web.members(), a1, b1, web, vm("w1", a1, a1), vm("w2", a1, b1)))
                .hasNoImpact();
    }

    private static PlanningDependency webNeedsCache() {
        return new PlanningDependency("web->cache@zone", "web", Set.of("w1", "w2", "w3"), "cache", Set.of("c1"), "zone");
    }

    @Test
    void dependencyLocalityPenalizesEachDependentVmWithoutTheNeededServiceInItsNeighborhood() {
        PlanningHost east = host("east", Map.of("zone", "east"));
        PlanningHost east2 = host("east2", Map.of("zone", "east"));
        PlanningHost west = host("west", Map.of("zone", "west"));
        PlanningHost bare = host("bare", Map.of());
        // cache runs in east only: w2 in west (1) and w3 on the unlabelled host, a neighborhood of its own (1) -> 2;
        // w1 in east, on another host than the cache, is served.
        verifier.verifyThat(PlacementConstraints::dependencyLocality)
                .given(facts(webNeedsCache().members(), east, east2, west, bare, vm("c1", east, east), vm("w1", east, east2),
                        vm("w2", west, west), vm("w3", bare, bare)))
                .penalizesBy(2);
    }

    @Test
    void dependencyLocalityIsCleanWhenEveryNeighborhoodOfTheDependentsHasTheNeededService() {
        PlanningHost east = host("east", Map.of("zone", "east"));
        PlanningHost east2 = host("east2", Map.of("zone", "east"));
        verifier.verifyThat(PlacementConstraints::dependencyLocality)
                .given(facts(webNeedsCache().members(), east, east2, vm("c1", east, east), vm("w1", east, east2), vm("w2", east2, east2),
                        vm("w3", east, east)))
                .hasNoImpact();
    }

    @Test
    void balanceTargetPenalizesTheWeightedShortfallOfFreeMemoryPerFreeCpu() {
        PlanningHost a = host("a", Map.of());
        PlanningHost b = host("b", Map.of());
        // target: 4 MiB free memory per free milli-core, weight 2.
        // a: CPU 2,000 mc used -> 6,000 free; memory 40,000 used -> 20,000 free; 4 x 6,000 - 20,000 = 4,000 -> x2 = 8,000.
        // b: CPU 7,000 used -> 1,000 free; memory 4,096 used -> 55,904 free: no shortfall.
        verifier.verifyThat(PlacementConstraints::balanceTarget)
                .given(a, b, new BalanceTarget(PlanningResource.CPU, PlanningResource.MEMORY, 4.0, 2),
                        vm("v1", 2_000, 40_000, a, a), vm("v2", 7_000, 4_096, b, b))
                .penalizesBy(8_000);
    }

    @Test
    void balanceTargetIsCleanWhenFreeResourcesKeepTheRatio() {
        PlanningHost a = host("a", Map.of());
        // 1,000 mc free, 20,000 MiB free >= 4 x 1,000.
        verifier.verifyThat(PlacementConstraints::balanceTarget)
                .given(a, new BalanceTarget(PlanningResource.CPU, PlanningResource.MEMORY, 4.0, 2), vm("v1", 7_000, 40_000, a, a))
                .hasNoImpact();
    }

    @Test
    void safetyCapacityPenalizesTheWeightedUseAboveTheSafeFractionOfCapacity() {
        PlanningHost a = host("a", Map.of());
        // CPU safe at 0.6 x 10,000 = 6,000 mc: 7,500 used -> 1,500 x weight 3 = 4,500.
        // memory safe at 0.5 x 65,536 = 32,768 MiB: 40,000 used -> 7,232 x weight 1.
        verifier.verifyThat(PlacementConstraints::safetyCapacity)
                .given(a, new SafetyCapacity(PlanningResource.CPU, 0.6, 3), new SafetyCapacity(PlanningResource.MEMORY, 0.5, 1),
                        vm("v1", 5_000, 20_000, a, a), vm("v2", 2_500, 20_000, a, a))
                .penalizesBy(4_500 + 7_232);
    }

    @Test
    void safetyCapacityIsCleanBelowTheSafeFraction() {
        PlanningHost a = host("a", Map.of());
        verifier.verifyThat(PlacementConstraints::safetyCapacity)
                .given(a, new SafetyCapacity(PlanningResource.CPU, 0.6, 3), vm("v1", 6_000, 20_000, a, a))
                .hasNoImpact();
    }

    @Test
    void hostPairMoveCostChargesTheTableEntryOfEachMovedVm() {
        PlanningHost paris = host("p1", Map.of("site", "paris"));
        PlanningHost paris2 = host("p2", Map.of("site", "paris"));
        PlanningHost lyon = host("l1", Map.of("site", "lyon"));
        // v1 paris -> lyon 50; v2 lyon -> paris 70; v3 within paris and v4 unmoved cost nothing here.
        verifier.verifyThat(PlacementConstraints::hostPairMoveCost)
                .given(paris, paris2, lyon, new PlanningMoveCostTable(new HostPairMoveCosts("site",
                                List.of(new HostPairMoveCosts.PairCost("paris", "lyon", 50), new HostPairMoveCosts.PairCost("lyon", "paris", 70)))),
                        vm("v1", paris, lyon), vm("v2", lyon, paris2), vm("v3", paris, paris2), vm("v4", lyon, lyon))
                .penalizesBy(120);
    }

    @Test
    void hostPairMoveCostIsCleanWhenNoVmCrossesAPricedPair() {
        PlanningHost paris = host("p1", Map.of("site", "paris"));
        PlanningHost paris2 = host("p2", Map.of("site", "paris"));
        PlanningHost lyon = host("l1", Map.of("site", "lyon"));
        verifier.verifyThat(PlacementConstraints::hostPairMoveCost)
                .given(paris, paris2, lyon, new PlanningMoveCostTable(new HostPairMoveCosts("site",
                                List.of(new HostPairMoveCosts.PairCost("paris", "lyon", 50)))), vm("v1", paris, paris2), vm("v2", lyon, paris), vm("v3", lyon, lyon))
                .hasNoImpact();
    }

    @Test
    void serviceMoveCostIsTheLargestNumberOfMovedVmsOfOneService() {
        PlanningHost a = host("a", Map.of());
        PlanningHost b = host("b", Map.of());
        // web moves 2 VMs, db 1, the unlisted v9 moves too: the maximum over the services is 2.
        verifier.verifyThat(PlacementConstraints::serviceMoveCost)
                .given(facts(java.util.stream.Stream.concat(new PlanningServiceGroup("web", Set.of("w1", "w2", "w3")).members(),
                                new PlanningServiceGroup("db", Set.of("d1", "d2")).members()),
                        a, b, vm("w1", a, b), vm("w2", a, b), vm("w3", a, a), vm("d1", b, a), vm("d2", b, b), vm("v9", a, b)))
                .penalizesBy(2);
    }

    @Test
    void serviceMoveCostIsCleanWhenNoVmOfAServiceMoves() {
        PlanningHost a = host("a", Map.of());
        PlanningHost b = host("b", Map.of());
        verifier.verifyThat(PlacementConstraints::serviceMoveCost)
                .given(facts(new PlanningServiceGroup("web", Set.of("w1", "w2")).members(), a, b, vm("w1", a, a), vm("w2", b, b),
                        vm("v9", a, b)))
                .hasNoImpact();
    }
}
