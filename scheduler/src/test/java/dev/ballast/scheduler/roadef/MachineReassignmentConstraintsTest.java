package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The constraint streams against the independent checker: the original assignment of each instance scores feasible
 * at the initial cost (a1_3 is where the old example's dependency constraint went wrong), and after seeded random
 * changes the soft score is minus the checker's cost and the hard score is zero exactly when the checker finds the
 * assignment feasible.
 */
class MachineReassignmentConstraintsTest {
    private static SolutionManager<MachineReassignment, HardSoftScore> streams;

    @BeforeAll
    static void buildScoreDirector() {
        streams = SolutionManager.create(SolverFactory.create(new SolverConfig()
                .withSolutionClass(MachineReassignment.class)
                .withEntityClasses(ProcessAssignment.class)
                .withConstraintProviderClass(MachineReassignmentConstraints.class)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a1_1", "a1_2", "a1_3", "a1_4", "a1_5", "a2_1", "a2_2", "a2_3", "a2_4", "a2_5", "b_1"})
    void streamsAgreeWithTheChecker(String name) {
        RoadefInstance instance = RoadefData.instance(name);
        MachineReassignment solution = MachineReassignment.startingFromOriginal(instance);

        HardSoftScore original = streams.update(solution);
        assertThat(original).isEqualTo(HardSoftScore.of(0, -ReferenceCosts.of(name).initialCost()));

        Random random = new Random(name.hashCode());
        List<ProcessAssignment> assignments = solution.getAssignments();
        int feasibleVisited = 0;
        for (int step = 0; step < 40; step++) {
            for (int changes = 1 + random.nextInt(2); changes > 0; changes--) {
                ProcessAssignment assignment = assignments.get(random.nextInt(assignments.size()));
                assignment.setMachine(instance.machines().get(random.nextInt(instance.machineCount())));
            }
            HardSoftScore score = streams.update(solution);
            CheckResult checked = RoadefChecker.check(instance, solution.machineIndices());
            assertThat(-score.softScore()).as(checked.costs().toString()).isEqualTo(checked.costs().total());
            assertThat(score.isFeasible()).as("%s vs %s", score, checked.firstViolations()).isEqualTo(checked.feasible());
            if (checked.feasible()) {
                feasibleVisited++;
            } else if (random.nextBoolean()) {
                assignments.forEach(a -> a.setMachine(a.getOriginalMachine()));
            }
        }
        assertThat(feasibleVisited).isPositive();
    }
}
