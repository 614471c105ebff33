package dev.ballast.scheduler.planning.solver;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.planning.PlacementProblemBuilder;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningRequest;
import dev.ballast.scheduler.planning.PlanningSettings;
import dev.ballast.scheduler.planning.VmPlacement;
import dev.ballast.scheduler.planning.bench.FirstFitDecreasing;
import dev.ballast.scheduler.planning.bench.SyntheticCluster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The tuned phases on a small synthetic cluster whose start is infeasible (a hot spot). Quality, not time. */
class TunedSolverTest {
    private static final TerminationConfig TWO_SECONDS = new TerminationConfig().withSpentLimit(Duration.ofSeconds(2));

    private static PlacementSolution problem(Goal goal) {
        SyntheticCluster cluster = SyntheticCluster.generate(20, 200, 11);
        return new PlacementProblemBuilder(PlanningSettings.defaults()).build(cluster.snapshot(), cluster.demand(), PlanningRequest.of(goal));
    }

    private static int hostsOn(PlacementSolution s) {
        return s.getPlacements().stream().map(VmPlacement::getHost).collect(Collectors.toSet()).size();
    }

    @Test
    void consolidationRepairsTheHotSpotAndPacksAtLeastAsTightlyAsFirstFitDecreasing() {
        PlacementSolution problem = problem(Goal.CONSOLIDATE);
        assertThat(problem.getPlacements()).anyMatch(p -> p.getHost() == null); // the hot spot's VMs must move
        int ffd = FirstFitDecreasing.hostsUsed(problem);

        PlacementSolution best = new PortfolioSolver(PlacementSolverConfig.Tuning.TUNED, 1).solve(problem, TWO_SECONDS, null);

        assertThat(best.getScore().isFeasible()).as("score %s", best.getScore()).isTrue();
        assertThat(hostsOn(best)).isLessThanOrEqualTo(ffd).isGreaterThanOrEqualTo(FirstFitDecreasing.lowerBound(problem));
    }

    @Test
    void balanceRepairsTheHotSpotWithoutEmptyingHosts() {
        PlacementSolution problem = problem(Goal.BALANCE);

        PlacementSolution best = new PortfolioSolver(PlacementSolverConfig.Tuning.TUNED, 1).solve(problem, TWO_SECONDS, null);

        assertThat(best.getScore().isFeasible()).as("score %s", best.getScore()).isTrue();
        assertThat(hostsOn(best)).isEqualTo(20);
    }

    @Test
    void aPortfolioOfTwoSolvesCopiesAndReturnsAFeasiblePlan() {
        PlacementSolution problem = problem(Goal.CONSOLIDATE);

        PlacementSolution best = new PortfolioSolver(PlacementSolverConfig.Tuning.TUNED, 2).solve(problem, TWO_SECONDS, null);

        assertThat(best.getScore().isFeasible()).isTrue();
        assertThat(best.getPlacements()).hasSize(200).allMatch(p -> p.getHost() != null);
    }

    @Test
    void theHostValueRangeIsOneReadOnlyViewThatIsNotWrappedTwice() {
        List<String> view = HostValueRange.of(List.of("a", "b"));

        assertThat(HostValueRange.of(view)).isSameAs(view);
        assertThat(java.util.Collections.unmodifiableList(view)).isSameAs(view);
        assertThat(view).containsExactly("a", "b").isEqualTo(List.of("a", "b")).hasSameHashCodeAs(List.of("a", "b"));
        assertThat(Set.of(view)).contains(List.of("a", "b"));
    }
}
