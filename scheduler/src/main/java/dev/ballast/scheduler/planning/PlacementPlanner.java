package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.planning.solver.PlacementSolverConfig;
import dev.ballast.scheduler.planning.solver.PortfolioSolver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Solves a placement problem with Timefold and explains the result. The solver factory is built once (compiling
 * the constraint streams is the expensive part); every solve gets its own time limit. The phases and moves are
 * {@link PlacementSolverConfig}'s (docs/placement-benchmark.md measures them).
 */
public final class PlacementPlanner {
    private final PortfolioSolver solver;
    private final ScoreBreakdown breakdown;
    private final double minimumImprovement;

    public PlacementPlanner(PlanningSettings settings) {
        this(settings, 1);
    }

    /**
     * @param portfolioSolvers how many independent solvers (different random seeds) race on copies of the problem,
     *                         one thread each; the best wins. 1 solves on the caller's thread. (Timefold's own
     *                         multithreaded solving is not in its community edition.)
     */
    public PlacementPlanner(PlanningSettings settings, int portfolioSolvers) {
        this.solver = new PortfolioSolver(PlacementSolverConfig.Tuning.TUNED, portfolioSolvers);
        this.breakdown = new ScoreBreakdown(SolutionManager.create(solver.primaryFactory()));
        this.minimumImprovement = settings.minimumImprovement();
    }

    /**
     * Solves {@code problem} (which must start at the current placement) for at most {@code timeLimit}; stops early
     * once the best score has not improved for a fifth of the limit (at least 1 s).
     */
    public PlacementResult solve(PlacementSolution problem, Duration timeLimit) {
        return solve(problem, SolveBudget.time(timeLimit));
    }

    /** Solves {@code problem} (which must start at the current placement) within {@code budget}. */
    public PlacementResult solve(PlacementSolution problem, SolveBudget budget) {
        Map<String, String> current = currentPlacementOf(problem);
        // The problem may come with VMs unassigned for the construction heuristic (see RepairSeed): the score
        // "before" is that of the real current placement, so put them back for the breakdown, then unassign again.
        List<VmPlacement> unassigned = problem.getPlacements().stream().filter(p -> p.getHost() == null && !p.isNew()).toList();
        unassigned.forEach(p -> p.setHost(p.getCurrentHost()));
        Map<String, ScoreBreakdown.Part> before = breakdown.parts(problem);
        HardMediumSoftScore scoreBefore = problem.getScore();
        unassigned.forEach(p -> p.setHost(null));
        problem.setScore(null);
        long start = System.nanoTime();
        PlacementSolution best = solver.solve(problem, budget.termination(), null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, ScoreBreakdown.Part> after = breakdown.parts(best);
        HardMediumSoftScore scoreAfter = best.getScore();
        boolean improved = worthMoving(scoreBefore, scoreAfter);
        if (!improved) {
            // Keep the cluster as it is: the proposal is no better than the current placement by the margin.
            return new PlacementResult(toTarget(current), scoreBefore, scoreBefore, explain(before, before), false, millis);
        }
        return new PlacementResult(toTarget(placementOf(best)), scoreBefore, scoreAfter, explain(before, after), true, millis);
    }

    boolean worthMoving(HardMediumSoftScore before, HardMediumSoftScore after) {
        if (after.hardScore() != before.hardScore() || after.mediumScore() != before.mediumScore()) {
            return after.compareTo(before) > 0;
        }
        long gain = after.softScore() - before.softScore();
        return gain > 0 && gain > Math.abs(before.softScore()) * minimumImprovement;
    }

    private static Map<String, String> currentPlacementOf(PlacementSolution solution) {
        Map<String, String> placement = new LinkedHashMap<>();
        for (VmPlacement p : solution.getPlacements()) {
            placement.put(p.getId(), p.getCurrentHost().getId());
        }
        return placement;
    }

    private static Map<String, String> placementOf(PlacementSolution solution) {
        Map<String, String> placement = new LinkedHashMap<>();
        for (VmPlacement p : solution.getPlacements()) {
            placement.put(p.getId(), p.getHost().getId());
        }
        return placement;
    }

    private static Map<VmId, HostId> toTarget(Map<String, String> placement) {
        Map<VmId, HostId> target = new LinkedHashMap<>();
        placement.forEach((vm, host) -> target.put(VmId.of(vm), HostId.of(host)));
        return target;
    }

    private static List<ConstraintScore> explain(Map<String, ScoreBreakdown.Part> before, Map<String, ScoreBreakdown.Part> after) {
        List<ConstraintScore> scores = new ArrayList<>();
        for (String id : ConstraintIds.ALL) {
            ScoreBreakdown.Part b = before.get(id);
            ScoreBreakdown.Part a = after.get(id);
            scores.add(new ConstraintScore(id, b.score(), a.score(), a.score().subtract(b.score()), b.matches(), a.matches(), a.reasons()));
        }
        return scores;
    }
}
