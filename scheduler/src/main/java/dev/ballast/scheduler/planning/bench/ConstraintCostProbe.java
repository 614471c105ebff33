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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which constraints make score calculation slow: solves the same cluster with BALANCE's weights (every constraint
 * but power weighs), then with one group of constraints switched off at a time (a zero weight removes a
 * constraint from Timefold's network), and prints the move evaluation speed of each run.
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
        System.out.printf("constraint cost probe: %s hosts x %s VMs, %d s per run, load average %.2f%n", size[0], size[1], seconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| constraints | moves/s |");
        System.out.println("|---|---|");
        for (Map.Entry<String, Set<String>> v : variants.entrySet()) {
            PlacementSolution problem = builder.build(cluster.snapshot(), cluster.demand(), PlanningRequest.of(Goal.BALANCE));
            Map<String, HardMediumSoftScore> weights = new LinkedHashMap<>(Goal.BALANCE.weights());
            v.getValue().forEach(id -> weights.put(id, HardMediumSoftScore.ZERO));
            problem.setConstraintWeightOverrides(ConstraintWeightOverrides.of(weights));
            solver.solve(problem, new TerminationConfig().withSpentLimit(Duration.ofSeconds(seconds)), null);
            System.out.printf("| %s | %,d |%n", v.getKey(), solver.lastMoveEvaluationSpeed());
        }
    }

    private ConstraintCostProbe() {
    }

}
