package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

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

    private static PlanningHost labelled(String id, Map<String, String> labels) {
        return new PlanningHost(id, 10_000, 8_000, 40_000, 65_536, 60_000, HostState.ON, PowerModel.linear(100, 200), labels, false, false);
    }

    /** A rule with its memberships (facts the problem derives from its rules). */
    private static java.util.List<Object> group(String name, AffinityRule.Kind kind, RuleStrength strength, String... vms) {
        PlanningAffinityGroup g = new PlanningAffinityGroup(name, kind, strength, Set.of(vms));
        return java.util.stream.Stream.<Object>concat(java.util.stream.Stream.of(g), g.members()).toList();
    }

    /** The facts and entities, rules flattened into the rule and its memberships. */
    private static Object[] facts(Object... items) {
        return java.util.Arrays.stream(items).flatMap(i -> i instanceof java.util.List<?> l ? l.stream() : java.util.stream.Stream.of(i))
                .toArray();
    }

    @Test
    void antiAffinityPenalizesEachExtraGroupMemberOnAHost() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        // Three replicas on a, one on b: two too many on a.
        verifier.verifyThat(PlacementConstraints::antiAffinity)
                .given(facts(a, b, group("web", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.HARD, "v1", "v2", "v3", "v4"),
                        vm("v1", 100, 1000, 1024, a, a), vm("v2", 100, 1000, 1024, a, a), vm("v3", 100, 1000, 1024, a, a),
                        vm("v4", 100, 1000, 1024, b, b), vm("other", 100, 1000, 1024, b, b)))
                .penalizesBy(2);
    }

    @Test
    void antiAffinityIsCleanWhenSpreadAndIgnoresSoftGroups() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        verifier.verifyThat(PlacementConstraints::antiAffinity)
                .given(facts(a, b, group("web", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.HARD, "v1", "v2"),
                        group("soft", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.SOFT, "v3", "v4"),
                        vm("v1", 100, 1000, 1024, a, a), vm("v2", 100, 1000, 1024, b, b),
                        vm("v3", 100, 1000, 1024, a, a), vm("v4", 100, 1000, 1024, a, a)))
                .hasNoImpact();
    }

    @Test
    void softAntiAffinityPenalizesSharing() {
        PlanningHost a = host("a", HostState.ON);
        verifier.verifyThat(PlacementConstraints::softAntiAffinity)
                .given(facts(a, group("soft", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.SOFT, "v1", "v2"),
                        vm("v1", 100, 1000, 1024, a, a), vm("v2", 100, 1000, 1024, a, a)))
                .penalizesBy(1);
    }

    @Test
    void softAntiAffinityIsCleanWhenSpread() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        verifier.verifyThat(PlacementConstraints::softAntiAffinity)
                .given(facts(a, b, group("soft", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.SOFT, "v1", "v2"),
                        vm("v1", 100, 1000, 1024, a, a), vm("v2", 100, 1000, 1024, b, b)))
                .hasNoImpact();
    }

    @Test
    void affinityPenalizesEachExtraHostTheGroupSpansOver() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        PlanningHost c = host("c", HostState.ON);
        // Spread over three hosts: two more than one.
        verifier.verifyThat(PlacementConstraints::affinity)
                .given(facts(a, b, c, group("app+db", AffinityRule.Kind.AFFINITY, RuleStrength.HARD, "v1", "v2", "v3"),
                        vm("v1", 100, 1000, 1024, a, a), vm("v2", 100, 1000, 1024, b, b), vm("v3", 100, 1000, 1024, c, c)))
                .penalizesBy(2);
    }

    @Test
    void affinityIsCleanOnOneHost() {
        PlanningHost a = host("a", HostState.ON);
        verifier.verifyThat(PlacementConstraints::affinity)
                .given(facts(a, group("app+db", AffinityRule.Kind.AFFINITY, RuleStrength.HARD, "v1", "v2"),
                        vm("v1", 100, 1000, 1024, a, a), vm("v2", 100, 1000, 1024, a, a)))
                .hasNoImpact();
    }

    @Test
    void softAffinityPenalizesSpread() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        verifier.verifyThat(PlacementConstraints::softAffinity)
                .given(facts(a, b, group("near", AffinityRule.Kind.AFFINITY, RuleStrength.SOFT, "v1", "v2"),
                        vm("v1", 100, 1000, 1024, a, a), vm("v2", 100, 1000, 1024, b, b)))
                .penalizesBy(1);
    }

    @Test
    void softAffinityIsCleanTogether() {
        PlanningHost a = host("a", HostState.ON);
        verifier.verifyThat(PlacementConstraints::softAffinity)
                .given(facts(a, group("near", AffinityRule.Kind.AFFINITY, RuleStrength.SOFT, "v1", "v2"),
                        vm("v1", 100, 1000, 1024, a, a), vm("v2", 100, 1000, 1024, a, a)))
                .hasNoImpact();
    }

    @Test
    void hostRulesPenalizeEachVmOnAWrongHost() {
        PlanningHost ssd = labelled("ssd", Map.of("disk", "ssd"));
        PlanningHost hdd = labelled("hdd", Map.of("disk", "hdd"));
        PlanningHostRule must = new PlanningHostRule("db-on-ssd", HostRule.Kind.MUST, RuleStrength.HARD, Set.of("db1", "db2"), "disk", "ssd");
        PlanningHostRule mustNot = new PlanningHostRule("no-batch-on-ssd", HostRule.Kind.MUST_NOT, RuleStrength.HARD, Set.of("batch"), "disk", "ssd");
        // db2 lacks ssd, batch has it: two breaches; db1 is fine.
        verifier.verifyThat(PlacementConstraints::hostRule)
                .given(ssd, hdd, must, mustNot, vm("db1", 100, 1000, 1024, ssd, ssd), vm("db2", 100, 1000, 1024, hdd, hdd),
                        vm("batch", 100, 1000, 1024, ssd, ssd))
                .penalizesBy(2);
    }

    @Test
    void hostRulesAreCleanWhenKept() {
        PlanningHost ssd = labelled("ssd", Map.of("disk", "ssd"));
        PlanningHost hdd = labelled("hdd", Map.of("disk", "hdd"));
        PlanningHostRule must = new PlanningHostRule("db-on-ssd", HostRule.Kind.MUST, RuleStrength.HARD, Set.of("db1"), "disk", "ssd");
        verifier.verifyThat(PlacementConstraints::hostRule)
                .given(ssd, hdd, must, vm("db1", 100, 1000, 1024, ssd, ssd), vm("x", 100, 1000, 1024, hdd, hdd))
                .hasNoImpact();
    }

    @Test
    void softHostRulePenalizesABreach() {
        PlanningHost hdd = labelled("hdd", Map.of("disk", "hdd"));
        PlanningHostRule prefer = new PlanningHostRule("prefer-ssd", HostRule.Kind.MUST, RuleStrength.SOFT, Set.of("v"), "disk", "ssd");
        verifier.verifyThat(PlacementConstraints::softHostRule).given(hdd, prefer, vm("v", 100, 1000, 1024, hdd, hdd)).penalizesBy(1);
    }

    @Test
    void softHostRuleIsCleanWhenKept() {
        PlanningHost ssd = labelled("ssd", Map.of("disk", "ssd"));
        PlanningHostRule prefer = new PlanningHostRule("prefer-ssd", HostRule.Kind.MUST, RuleStrength.SOFT, Set.of("v"), "disk", "ssd");
        verifier.verifyThat(PlacementConstraints::softHostRule).given(ssd, prefer, vm("v", 100, 1000, 1024, ssd, ssd)).hasNoImpact();
    }

    @Test
    void spareCapacityPenalizesTheShortfallAgainstLosingTheLargestHost() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        // Limits per host: 8,000 mc, 60,000 MiB. a holds 6,000 mc / 40,000 MiB, b 5,000 mc / 30,000 MiB.
        // Free: 2,000 + 3,000 = 5,000 mc (needs 8,000: 3,000 short); 20,000 + 30,000 = 50,000 MiB (needs 60,000: 10,000 short).
        verifier.verifyThat(PlacementConstraints::spareCapacity)
                .given(a, b, new PlanningLimits(Integer.MAX_VALUE, Long.MAX_VALUE, 1),
                        vm("v1", 6_000, 1000, 40_000, a, a), vm("v2", 5_000, 1000, 30_000, b, b))
                .penalizesBy(13_000);
    }

    @Test
    void spareCapacityIsCleanWithRoomForOneHost() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        PlanningHost c = host("c", HostState.ON);
        verifier.verifyThat(PlacementConstraints::spareCapacity)
                .given(a, b, c, new PlanningLimits(Integer.MAX_VALUE, Long.MAX_VALUE, 1),
                        vm("v1", 3_000, 1000, 20_000, a, a), vm("v2", 3_000, 1000, 20_000, b, b), vm("v3", 1_000, 1000, 10_000, c, c))
                .hasNoImpact();
    }

    @Test
    void migrationCountBudgetPenalizesMovesBeyondIt() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        verifier.verifyThat(PlacementConstraints::migrationCountBudget)
                .given(a, b, new PlanningLimits(1, Long.MAX_VALUE, 0), vm("v1", 100, 1000, 1024, a, b),
                        vm("v2", 100, 1000, 1024, a, b), vm("v3", 100, 1000, 1024, a, b))
                .penalizesBy(2);
    }

    @Test
    void migrationCountBudgetIsCleanWithinIt() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        verifier.verifyThat(PlacementConstraints::migrationCountBudget)
                .given(a, b, new PlanningLimits(2, Long.MAX_VALUE, 0), vm("v1", 100, 1000, 1024, a, b), vm("v2", 100, 1000, 1024, a, b))
                .hasNoImpact();
    }

    @Test
    void migrationMemoryBudgetPenalizesGibibytesBeyondIt() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        // 6,000 MiB to move against 4,096: 1,904 MiB over, rounded up to 2 GiB.
        verifier.verifyThat(PlacementConstraints::migrationMemoryBudget)
                .given(a, b, new PlanningLimits(Integer.MAX_VALUE, 4_096, 0), vm("v1", 100, 1000, 3_000, a, b), vm("v2", 100, 1000, 3_000, a, b))
                .penalizesBy(2);
    }

    @Test
    void migrationMemoryBudgetIsCleanWithinIt() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        verifier.verifyThat(PlacementConstraints::migrationMemoryBudget)
                .given(a, b, new PlanningLimits(Integer.MAX_VALUE, 4_096, 0), vm("v1", 100, 1000, 3_000, a, b), vm("v2", 100, 1000, 3_000, a, a))
                .hasNoImpact();
    }

    @Test
    void powerOnCostsOnePerWokenHost() {
        PlanningHost on = host("on", HostState.ON);
        PlanningHost off = new PlanningHost("off", 10_000, 8_000, 40_000, 65_536, 60_000, HostState.OFF, PowerModel.linear(100, 200),
                Map.of(), false, true);
        verifier.verifyThat(PlacementConstraints::powerOn)
                .given(on, off, vm("v1", 100, 1000, 1024, on, off), vm("v2", 100, 1000, 1024, on, off))
                .penalizesBy(1);
    }

    @Test
    void powerOnIsCleanWhenNoOffHostIsUsed() {
        PlanningHost on = host("on", HostState.ON);
        verifier.verifyThat(PlacementConstraints::powerOn).given(on, vm("v1", 100, 1000, 1024, on, on)).hasNoImpact();
    }

    @Test
    void skewnessPenalizesLopsidedHostsInThousandths() {
        PlanningHost a = host("a", HostState.ON);
        // cpu 6,000 / 10,000 = 0.6; memory demand is half the allocation: 13,107 / 65,536 = 0.2 (0.19999...).
        // mean 0.4; skewness = sqrt((0.6/0.4 - 1)^2 + (0.2/0.4 - 1)^2) = sqrt(0.25 + 0.25) = 0.7071 -> 707.
        verifier.verifyThat(PlacementConstraints::skewness)
                .given(a, vm("v1", 6_000, 1000, 26_214, a, a))
                .penalizesBy(707);
    }

    @Test
    void skewnessIsCleanWhenResourcesAreEven() {
        PlanningHost a = host("a", HostState.ON);
        // cpu 2,000 / 10,000 = 0.2; memory 13,107.2 / 65,536 = 0.2: no skew.
        verifier.verifyThat(PlacementConstraints::skewness)
                .given(a, vm("v1", 2_000, 1000, 26_214, a, a))
                .hasNoImpact();
    }

    @Test
    void cooldownPenalizesMovingARecentlyMovedVmAgain() {
        PlanningHost a = host("a", HostState.ON);
        PlanningHost b = host("b", HostState.ON);
        VmPlacement recent = new VmPlacement("v1", 100, 1000, 1024, 512, 0, a, false, true);
        recent.setHost(b);
        VmPlacement fresh = new VmPlacement("v2", 100, 1000, 1024, 512, 0, a, false, false);
        fresh.setHost(b);
        verifier.verifyThat(PlacementConstraints::cooldown).given(a, b, recent, fresh).penalizesBy(1);
    }

    @Test
    void cooldownIsCleanWhenTheRecentlyMovedVmStays() {
        PlanningHost a = host("a", HostState.ON);
        VmPlacement recent = new VmPlacement("v1", 100, 1000, 1024, 512, 0, a, false, true);
        verifier.verifyThat(PlacementConstraints::cooldown).given(a, recent).hasNoImpact();
    }

    @Test
    void unusableHostCoversDrainedHostsAndOffHostsThatMayNotBeWoken() {
        PlanningHost drained = new PlanningHost("d", 10_000, 8_000, 40_000, 65_536, 60_000, HostState.ON, PowerModel.linear(100, 200),
                Map.of(), true, true);
        PlanningHost wakeable = new PlanningHost("w", 10_000, 8_000, 40_000, 65_536, 60_000, HostState.OFF, PowerModel.linear(100, 200),
                Map.of(), false, true);
        // Only the VM on the drained host counts: the off host may be powered on.
        verifier.verifyThat(PlacementConstraints::unusableHost)
                .given(drained, wakeable, vm("v1", 100, 1000, 2048, drained, drained), vm("v2", 100, 1000, 4096, drained, wakeable))
                .penalizesBy(2048);
    }
}
