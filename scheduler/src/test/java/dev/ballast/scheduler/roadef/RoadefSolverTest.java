package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short solve with Timefold's FULL_ASSERT (every incremental score compared with a from-scratch one), then the
 * independent checker: the result is feasible, no dearer than the original (strictly cheaper where 2 s of FULL_ASSERT
 * finds an improvement), and costs what the solver claims. a1_3 is the instance whose feasible original the old constraint-streams example scored as infeasible.
 */
class RoadefSolverTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a1_1", "a1_3", "a2_3"})
    void solvesToAFeasibleCheaperAssignmentTheCheckerAgreesWith(String name) {
        RoadefInstance instance = RoadefData.instance(name);
        RoadefSolver solver = new RoadefSolver(RoadefSolver.Settings.of(Duration.ofSeconds(2))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT));

        RoadefSolver.Outcome outcome = solver.solve(instance);

        CheckResult checked = RoadefChecker.check(instance, outcome.machineIndices());
        assertThat(checked.firstViolations()).isEmpty();
        assertThat(outcome.score().isFeasible()).isTrue();
        assertThat(checked.costs().total()).isEqualTo(-outcome.score().softScore());
        long initial = ReferenceCosts.of(name).initialCost();
        if (name.equals("a1_3")) {
            assertThat(checked.costs().total()).isLessThanOrEqualTo(initial);
        } else {
            assertThat(checked.costs().total()).isLessThan(initial);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a1_1", "a1_3"})
    void theConstraintStreamsSolveToAFeasibleAssignmentTheCheckerAgreesWith(String name) {
        RoadefInstance instance = RoadefData.instance(name);
        RoadefSolver solver = new RoadefSolver(RoadefSolver.Settings.of(Duration.ofSeconds(2))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withScoreModel(RoadefSolver.ScoreModel.CONSTRAINT_STREAMS));

        RoadefSolver.Outcome outcome = solver.solve(instance);

        CheckResult checked = RoadefChecker.check(instance, outcome.machineIndices());
        assertThat(checked.firstViolations()).isEmpty();
        assertThat(checked.costs().total()).isEqualTo(-outcome.score().softScore())
                .isLessThanOrEqualTo(ReferenceCosts.of(name).initialCost());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a1_2", "a2_2"})
    void chainedShiftsKeepTheIncrementalScoreRightAndTheResultChecked(String name) {
        RoadefInstance instance = RoadefData.instance(name);
        // under FULL_ASSERT every composite move of the chained shifts and its undo is checked against a from-scratch
        // score (the other tests here run them too, at the default weight; this one gives them more)
        RoadefSolver solver = new RoadefSolver(RoadefSolver.Settings.of(Duration.ofSeconds(2))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT).withChainedShiftWeight(4.0));

        RoadefSolver.Outcome outcome = solver.solve(instance);

        CheckResult checked = RoadefChecker.check(instance, outcome.machineIndices());
        assertThat(checked.firstViolations()).isEmpty();
        assertThat(checked.costs().total()).isEqualTo(-outcome.score().softScore())
                .isLessThan(ReferenceCosts.of(name).initialCost());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a1_4", "a2_2", "b_1"})
    void repackMovesKeepTheIncrementalScoreRightAndTheResultChecked(String name) {
        RoadefInstance instance = RoadefData.instance(name);
        // under FULL_ASSERT every repack (up to 30 changes composed) and its undo is checked against a from-scratch
        // score; a1_4 has a balance objective and spreads up to 37 locations, b_1 transient resources and 5,000 processes
        RoadefSolver solver = new RoadefSolver(RoadefSolver.Settings.of(Duration.ofSeconds(2))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT).withRepackWeight(4.0));

        RoadefSolver.Outcome outcome = solver.solve(instance);

        CheckResult checked = RoadefChecker.check(instance, outcome.machineIndices());
        assertThat(checked.firstViolations()).isEmpty();
        assertThat(checked.costs().total()).isEqualTo(-outcome.score().softScore())
                .isLessThan(ReferenceCosts.of(name).initialCost());
    }
}
