package dev.ballast.scheduler.planning.bench;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.ballast.scheduler.planning.ConstraintIds;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.planning.PlacementProblemBuilder;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningRequest;
import dev.ballast.scheduler.planning.PlanningSettings;
import dev.ballast.scheduler.planning.solver.PlacementSolverConfig.Tuning;
import dev.ballast.scheduler.planning.solver.PortfolioSolver;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.planning.AffinityRule;
import dev.ballast.scheduler.planning.BalanceTarget;
import dev.ballast.scheduler.planning.DependencyRule;
import dev.ballast.scheduler.planning.FailureDomainSpread;
import dev.ballast.scheduler.planning.HostPairMoveCosts;
import dev.ballast.scheduler.planning.MigrationBudget;
import dev.ballast.scheduler.planning.PlacementPolicies;
import dev.ballast.scheduler.planning.PlanningResource;
import dev.ballast.scheduler.planning.PolicyFacts;
import dev.ballast.scheduler.planning.RuleStrength;
import dev.ballast.scheduler.planning.SafetyCapacity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which constraints make score calculation slow: solves the same cluster with BALANCE's weights (every constraint
 * but power weighs), then with one group of constraints switched off at a time (a zero weight removes a
 * constraint from Timefold's network), and prints the move evaluation speed of each run. The placement policies'
 * constraints are weighted throughout but have no input until the last run, which uses every one of them.
 * Arguments: {@code HOSTSxVMS} (default 1000x10000) and seconds per run (default 10).
 */
public final class ConstraintCostProbe {
    public static void main(String[] args) {
        String[] size = (args.length > 0 && !args[0].isBlank() ? args[0].trim().split("\\s+")[0] : "1000x10000").split("x");
        long seconds = args.length > 0 && args[0].trim().split("\\s+").length > 1 ? Long.parseLong(args[0].trim().split("\\s+")[1]) : 10;
        SyntheticCluster cluster = SyntheticCluster.generate(Integer.parseInt(size[0]), Integer.parseInt(size[1]), 7);
        PlacementProblemBuilder builder = new PlacementProblemBuilder(PlanningSettings.defaults());
        PortfolioSolver solver = new PortfolioSolver(Tuning.TUNED, 1);
        Map<String, Set<String>> variants = new LinkedHashMap<>();
        // the first run warms the JIT up (its speed is not comparable); "all constraints" is measured again last
        variants.put("warm-up (all constraints)", Set.of());
        variants.put("all constraints", Set.of());
        variants.put("without cpu/memory imbalance (loadBalance)", Set.of(ConstraintIds.CPU_IMBALANCE, ConstraintIds.MEMORY_IMBALANCE));
        variants.put("without spare capacity (N+1)", Set.of(ConstraintIds.SPARE_CAPACITY));
        variants.put("without skewness", Set.of(ConstraintIds.SKEWNESS));
        variants.put("without migration budgets", Set.of(ConstraintIds.MIGRATION_COUNT_BUDGET, ConstraintIds.MIGRATION_MEMORY_BUDGET));
        variants.put("without rules (affinity, host rules, soft rules)", Set.of(ConstraintIds.AFFINITY, ConstraintIds.ANTI_AFFINITY,
                ConstraintIds.HOST_RULE, ConstraintIds.SOFT_AFFINITY, ConstraintIds.SOFT_ANTI_AFFINITY, ConstraintIds.SOFT_HOST_RULE));
        variants.put("all constraints, again", Set.of());
        variants.put(WITH_RULES, Set.of());
        variants.put(WITH_POLICIES, Set.of());
        for (String policy : PolicyFacts.NONE.idleConstraints()) {
            variants.put(WITH_POLICIES + " but " + policy + " weighing zero", Set.of(policy));
        }
        System.out.printf("constraint cost probe: %s hosts x %s VMs, %d s per run, load average %.2f%n", size[0], size[1], seconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| constraints | moves/s |");
        System.out.println("|---|---|");
        for (Map.Entry<String, Set<String>> v : variants.entrySet()) {
            PlanningRequest request = v.getKey().startsWith(WITH_POLICIES) ? withEveryPolicy(cluster)
                    : v.getKey().equals(WITH_RULES) ? withEveryPolicy(cluster).withPolicies(PlacementPolicies.NONE)
                    : PlanningRequest.of(Goal.BALANCE);
            PlacementSolution problem = builder.build(cluster.snapshot(), cluster.demand(), request);
            // every constraint weighted, the placement policies' too even without input: what an idle policy costs shows
            Map<String, HardMediumSoftScore> weights = new LinkedHashMap<>(Goal.BALANCE.weights());
            v.getValue().forEach(id -> weights.put(id, HardMediumSoftScore.ZERO));
            problem.setConstraintWeightOverrides(ConstraintWeightOverrides.of(weights));
            solver.solve(problem, new TerminationConfig().withSpentLimit(Duration.ofSeconds(seconds)), null);
            System.out.printf("| %s | %,d |%n", v.getKey(), solver.lastMoveEvaluationSpeed());
        }
    }

    private static final String WITH_RULES = "all constraints, with the policies' services as anti-affinity rules only";
    private static final String WITH_POLICIES = "all constraints, with every placement policy in use";

    /**
     * Services of 5 VMs (a tenth of the VMs) as hard anti-affinity rules spread over 2 racks, each second service
     * depending on the next by rack, a CPU/memory balance target, CPU and memory safety capacities, a move cost
     * between every two racks and the per-service move cost over all services.
     */
    static PlanningRequest withEveryPolicy(SyntheticCluster cluster) {
        List<Vm> vms = cluster.snapshot().vms();
        List<AffinityRule> services = new ArrayList<>();
        List<FailureDomainSpread> spreads = new ArrayList<>();
        List<DependencyRule> dependencies = new ArrayList<>();
        Set<String> names = new java.util.LinkedHashSet<>();
        Map<HostId, Integer> used = new java.util.HashMap<>();
        int perService = 5;
        List<VmId> pool = new ArrayList<>();
        for (Vm vm : vms) {
            // one VM per host per service keeps the anti-affinity rules feasible from the start
            if (used.merge(vm.host(), 1, Integer::sum) == 1) {
                pool.add(vm.id());
            }
            if (pool.size() == perService) {
                String name = "service-" + (services.size() + 1);
                services.add(new AffinityRule(name, AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.HARD, Set.copyOf(pool)));
                spreads.add(new FailureDomainSpread(name, "rack", 2));
                names.add(name);
                pool.clear();
                used.clear();
                if (services.size() % 2 == 0) {
                    dependencies.add(new DependencyRule(services.get(services.size() - 2).name(), name, "rack"));
                }
                if (services.size() * perService >= vms.size() / 10) {
                    break;
                }
            }
        }
        Set<String> racks = new java.util.TreeSet<>();
        cluster.snapshot().hosts().forEach(h -> racks.add(h.labels().get("rack")));
        List<HostPairMoveCosts.PairCost> costs = new ArrayList<>();
        for (String from : racks) {
            for (String to : racks) {
                if (!from.equals(to)) {
                    costs.add(new HostPairMoveCosts.PairCost(from, to, 100));
                }
            }
        }
        PlacementPolicies policies = new PlacementPolicies(spreads, dependencies,
                List.of(new BalanceTarget(PlanningResource.CPU, PlanningResource.MEMORY, 4.0, 1)),
                List.of(new SafetyCapacity(PlanningResource.CPU, 0.8, 1), new SafetyCapacity(PlanningResource.MEMORY, 0.9, 1)),
                new HostPairMoveCosts("rack", costs), names);
        return new PlanningRequest(Goal.BALANCE, Map.of(), Set.of(), Set.of(), services, List.of(), MigrationBudget.UNLIMITED, true, 1,
                Set.of(), policies);
    }

    private ConstraintCostProbe() {
    }

}
