package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Placement policies from request to plan: validation against the cluster, the problem built, a solve that obeys them. */
class PlacementPoliciesTest {
    // Six hosts: racks r1..r3 of two hosts each; zone east holds r1 and r2, zone west r3; sites paris (r1, r2) and lyon (r3).
    private static final ClusterSnapshot CLUSTER = new ClusterSnapshot(Instant.EPOCH,
            List.of(host("h1", "r1", "east", "paris"), host("h2", "r1", "east", "paris"), host("h3", "r2", "east", "paris"),
                    host("h4", "r2", "east", "paris"), host("h5", "r3", "west", "lyon"), host("h6", "r3", "west", "lyon")),
            // web crowds rack r1 (w1 and w3 share h1), the cache runs on h3 only
            List.of(vm("w1", "h1"), vm("w2", "h2"), vm("w3", "h1"), vm("c1", "h3"), vm("c2", "h3"), vm("x1", "h4")));

    private static Host host(String id, String rack, String zone, String site) {
        return new Host(HostId.of(id), Resources.of(16, 65_536), HostState.ON, PowerModel.linear(100, 200),
                Map.of("rack", rack, "zone", zone, "site", site));
    }

    private static Vm vm(String id, String host) {
        return new Vm(VmId.of(id), Resources.of(2, 4_096), HostId.of(host), 10, Map.of());
    }

    private static Set<VmId> vms(String... ids) {
        return java.util.Arrays.stream(ids).map(VmId::of).collect(Collectors.toSet());
    }

    private static final List<AffinityRule> RULES = List.of(
            new AffinityRule("web", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.HARD, vms("w1", "w2", "w3")),
            new AffinityRule("cache", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.SOFT, vms("c1", "c2")),
            new AffinityRule("pair", AffinityRule.Kind.AFFINITY, RuleStrength.SOFT, vms("w1", "x1")));

    private static PlanningRequest request(PlacementPolicies policies, Set<VmId> pinned) {
        return new PlanningRequest(Goal.BALANCE, Map.of(), pinned, Set.of(), RULES, List.of(), MigrationBudget.UNLIMITED, true, 0,
                Set.of(), policies);
    }

    private static void validate(PlacementPolicies policies) {
        validate(policies, Set.of());
    }

    private static void validate(PlacementPolicies policies, Set<VmId> pinned) {
        new RuleValidator().validate(CLUSTER, request(policies, pinned));
    }

    private static final PlacementPolicies SPREAD_AND_DEPENDENCY = PlacementPolicies.NONE
            .withSpreads(List.of(new FailureDomainSpread("web", "rack", 3)))
            .withDependencies(List.of(new DependencyRule("web", "cache", "zone")));

    @Test
    void validPoliciesPass() {
        validate(SPREAD_AND_DEPENDENCY
                .withMoveCosts(new HostPairMoveCosts("site", List.of(new HostPairMoveCosts.PairCost("paris", "lyon", 500))))
                .withServiceMoveCostGroups(Set.of("web", "cache")));
    }

    @Test
    void unknownRulesAndLabelsAreRejectedNamingTheFieldAndWhatExists() {
        assertThatThrownBy(() -> validate(PlacementPolicies.NONE.withDependencies(List.of(new DependencyRule("web", "db", "zone")))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("'db'").hasMessageContaining("[cache, pair, web]")
                .extracting(e -> ((PolicyException) e).field()).isEqualTo("dependencies");
        assertThatThrownBy(() -> validate(PlacementPolicies.NONE.withSpreads(List.of(new FailureDomainSpread("web", "row", 2)))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("'row'").hasMessageContaining("[rack, site, zone]")
                .extracting(e -> ((PolicyException) e).field()).isEqualTo("rules");
        assertThatThrownBy(() -> validate(PlacementPolicies.NONE.withMoveCosts(
                new HostPairMoveCosts("site", List.of(new HostPairMoveCosts.PairCost("paris", "berlin", 5))))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("site=berlin").hasMessageContaining("[lyon, paris]")
                .extracting(e -> ((PolicyException) e).field()).isEqualTo("moveCosts");
        assertThatThrownBy(() -> validate(PlacementPolicies.NONE.withServiceMoveCostGroups(Set.of("api"))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("'api'")
                .extracting(e -> ((PolicyException) e).field()).isEqualTo("serviceMoveCost");
    }

    @Test
    void impossibleSpreadsAndDependenciesAreRejected() {
        assertThatThrownBy(() -> validate(PlacementPolicies.NONE.withSpreads(List.of(new FailureDomainSpread("pair", "rack", 2)))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("pair is an AFFINITY rule");
        // three racks only
        assertThatThrownBy(() -> validate(PlacementPolicies.NONE.withSpreads(List.of(new FailureDomainSpread("web", "rack", 4)))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("only 3 [r1, r2, r3]");
        // three racks, but two VMs
        PlanningRequest twoVms = new PlanningRequest(Goal.BALANCE, Map.of(), Set.of(), Set.of(),
                List.of(new AffinityRule("db", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.HARD, vms("w2", "x1"))), List.of(),
                MigrationBudget.UNLIMITED, true, 0, Set.of(), PlacementPolicies.NONE.withSpreads(List.of(new FailureDomainSpread("db", "rack", 3))));
        assertThatThrownBy(() -> new RuleValidator().validate(CLUSTER, twoVms))
                .isInstanceOf(PolicyException.class).hasMessageContaining("has only 2 VMs");
        PlanningRequest pinnedInOneZone = new PlanningRequest(Goal.BALANCE, Map.of(), vms("w2", "x1"), Set.of(),
                List.of(new AffinityRule("db", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.HARD, vms("w2", "x1"))), List.of(),
                MigrationBudget.UNLIMITED, true, 0, Set.of(), PlacementPolicies.NONE.withSpreads(List.of(new FailureDomainSpread("db", "zone", 2))));
        assertThatThrownBy(() -> new RuleValidator().validate(CLUSTER, pinnedInOneZone))
                .isInstanceOf(PolicyException.class).hasMessageContaining("all its VMs are pinned, on [east]");
        assertThatThrownBy(() -> validate(PlacementPolicies.NONE.withSpreads(List.of(new FailureDomainSpread("cache", "rack", 2)))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("cache is a SOFT rule");
        // w1 pinned on h1 and the whole cache pinned on h3: the same zone (east) passes, but rack r1 never gets a cache
        validate(PlacementPolicies.NONE.withDependencies(List.of(new DependencyRule("web", "cache", "zone"))), vms("w1", "c1", "c2"));
        assertThatThrownBy(() -> validate(PlacementPolicies.NONE.withDependencies(List.of(new DependencyRule("web", "cache", "rack"))),
                vms("w1", "c1", "c2")))
                .isInstanceOf(PolicyException.class).hasMessageContaining("w1 is pinned in rack=r1").hasMessageContaining("[r2]");
        assertThatThrownBy(() -> new DependencyRule("web", "web", "zone")).hasMessageContaining("cannot depend on itself");
        assertThatThrownBy(() -> new BalanceTarget(PlanningResource.CPU, PlanningResource.CPU, 1, 1)).hasMessageContaining("two different");
        assertThatThrownBy(() -> new SafetyCapacity(PlanningResource.MEMORY, 1.5, 1)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> new HostPairMoveCosts("site", List.of(new HostPairMoveCosts.PairCost("a", "b", 1),
                new HostPairMoveCosts.PairCost("a", "b", 2)))).hasMessageContaining("a -> b is given twice");
    }

    @Test
    void withoutPoliciesTheirConstraintsWeighZeroAndTheGoalsWeightsAreUnchanged() {
        PlacementSolution plain = new PlacementProblemBuilder(PlanningSettings.defaults())
                .build(CLUSTER, Map.of(), PlanningRequest.of(Goal.CONSOLIDATE));
        Map<String, HardMediumSoftScore> goal = Goal.CONSOLIDATE.weights();
        for (String id : ConstraintIds.ALL) {
            HardMediumSoftScore weight = plain.getConstraintWeightOverrides().getConstraintWeight(id);
            if (PolicyFacts.NONE.idleConstraints().contains(id)) {
                assertThat(weight).as(id).isEqualTo(HardMediumSoftScore.ZERO);
            } else {
                assertThat(weight).as(id).isEqualTo(goal.get(id));
            }
        }
        PlacementSolution with = new PlacementProblemBuilder(PlanningSettings.defaults())
                .build(CLUSTER, Map.of(), request(SPREAD_AND_DEPENDENCY, Set.of()));
        assertThat(with.getConstraintWeightOverrides().getConstraintWeight(ConstraintIds.FAILURE_DOMAIN_SPREAD))
                .isEqualTo(HardMediumSoftScore.ONE_HARD);
        assertThat(with.getSpreads()).singleElement().satisfies(s -> assertThat(s.vmIds()).containsExactlyInAnyOrder("w1", "w2", "w3"));
        assertThat(with.getDependencies()).singleElement().satisfies(d -> assertThat(d.neededVmIds()).containsExactlyInAnyOrder("c1", "c2"));
    }

    @Test
    void thePlannerSpreadsTheServiceOverRacksAndBringsItsCacheAlong() {
        PlacementSolution problem = new PlacementProblemBuilder(PlanningSettings.defaults())
                .build(CLUSTER, Map.of(), request(SPREAD_AND_DEPENDENCY.withServiceMoveCostGroups(Set.of("web", "cache")), Set.of()));
        PlacementResult result = new PlacementPlanner(PlanningSettings.defaults()).solve(problem, Duration.ofSeconds(3));

        ConstraintScore spread = result.constraints().stream().filter(c -> c.constraint().equals(ConstraintIds.FAILURE_DOMAIN_SPREAD))
                .findFirst().orElseThrow();
        // before: web spans r1 only, two racks short
        assertThat(spread.before()).isEqualTo(HardMediumSoftScore.ofHard(-2));
        assertThat(result.feasible()).as(result.broken().toString()).isTrue();
        Map<String, Host> hosts = CLUSTER.hosts().stream().collect(Collectors.toMap(h -> h.id().value(), h -> h));
        Set<String> webRacks = new TreeSet<>();
        Set<String> webZones = new TreeSet<>();
        Set<String> cacheZones = new TreeSet<>();
        for (String w : List.of("w1", "w2", "w3")) {
            Host h = hosts.get(result.target().get(VmId.of(w)).value());
            webRacks.add(h.labels().get("rack"));
            webZones.add(h.labels().get("zone"));
        }
        for (String c : List.of("c1", "c2")) {
            cacheZones.add(hosts.get(result.target().get(VmId.of(c)).value()).labels().get("zone"));
        }
        assertThat(webRacks).containsExactly("r1", "r2", "r3");
        assertThat(cacheZones).containsAll(webZones);
        ConstraintScore service = result.constraints().stream().filter(c -> c.constraint().equals(ConstraintIds.SERVICE_MOVE_COST))
                .findFirst().orElseThrow();
        assertThat(service.after().softScore()).isNegative();
        assertThat(service.justifications()).isNotEmpty().allSatisfy(j -> assertThat(j).containsPattern("(web|cache): \\d of its VMs move"));
    }

    @Test
    void theBreakdownExplainsEachPolicyOnTheCurrentPlacement() {
        PlacementPolicies all = SPREAD_AND_DEPENDENCY
                .withBalanceTargets(List.of(new BalanceTarget(PlanningResource.MEMORY, PlanningResource.CPU, 1.0, 1)))
                .withSafetyCapacities(List.of(new SafetyCapacity(PlanningResource.MEMORY, 0.1, 1)))
                .withMoveCosts(new HostPairMoveCosts("site", List.of(new HostPairMoveCosts.PairCost("paris", "lyon", 500))))
                .withServiceMoveCostGroups(Set.of("web"));
        PlacementSolution problem = new PlacementProblemBuilder(PlanningSettings.defaults())
                .build(CLUSTER, Map.of(), request(all, Set.of()));
        // the current placement, then w1 moved to lyon
        problem.getPlacements().forEach(p -> p.setHost(p.getCurrentHost()));
        PlanningHost h5 = problem.getHosts().stream().filter(h -> h.getId().equals("h5")).findFirst().orElseThrow();
        problem.getPlacements().stream().filter(p -> p.getId().equals("w1")).findFirst().orElseThrow().setHost(h5);
        ai.timefold.solver.core.api.solver.SolutionManager<PlacementSolution, HardMediumSoftScore> manager =
                ai.timefold.solver.core.api.solver.SolutionManager.create(ai.timefold.solver.core.api.solver.SolverFactory.create(
                dev.ballast.scheduler.planning.solver.PlacementSolverConfig.create(dev.ballast.scheduler.planning.solver.PlacementSolverConfig.Tuning.TUNED, 0)));
        Map<String, ScoreBreakdown.Part> parts = new ScoreBreakdown(manager).parts(problem);
        List<String> seen = new ArrayList<>();
        parts.forEach((id, part) -> {
            if (!part.score().equals(HardMediumSoftScore.ZERO)) {
                seen.add(id);
            }
        });
        // web spans r1 and r3: one rack short; w1 in west has no cache there; the paris -> lyon move costs 500 and web's
        // one moved VM 300; memory is safe up to 6,553 MiB a host: h3 holds 8,192 (c1, c2), 1,639 over; the balance
        // target (a free MiB asks for a free milli-core) is short on all five hosts in use
        assertThat(parts.get(ConstraintIds.FAILURE_DOMAIN_SPREAD).score()).isEqualTo(HardMediumSoftScore.ofHard(-1));
        assertThat(parts.get(ConstraintIds.FAILURE_DOMAIN_SPREAD).reasons()).singleElement().asString().contains("rule web").contains("[r1, r3]");
        assertThat(parts.get(ConstraintIds.DEPENDENCY_LOCALITY).score()).isEqualTo(HardMediumSoftScore.ofHard(-1));
        assertThat(parts.get(ConstraintIds.DEPENDENCY_LOCALITY).reasons()).singleElement().asString().contains("zone=west").contains("cache");
        assertThat(parts.get(ConstraintIds.HOST_PAIR_MOVE_COST).score()).isEqualTo(HardMediumSoftScore.ofSoft(-500));
        assertThat(parts.get(ConstraintIds.HOST_PAIR_MOVE_COST).reasons()).singleElement().asString().contains("w1 h1 -> h5");
        assertThat(parts.get(ConstraintIds.SERVICE_MOVE_COST).score()).isEqualTo(HardMediumSoftScore.ofSoft(-300));
        assertThat(parts.get(ConstraintIds.BALANCE_TARGET).matches()).isEqualTo(5);
        assertThat(seen).contains(ConstraintIds.BALANCE_TARGET);
        assertThat(parts.get(ConstraintIds.SAFETY_CAPACITY).score()).isEqualTo(HardMediumSoftScore.ofSoft(-1_639));
        assertThat(parts.get(ConstraintIds.SAFETY_CAPACITY).reasons()).singleElement().asString().startsWith("h3 memory").contains("8192 > limit 6553");
    }
}
