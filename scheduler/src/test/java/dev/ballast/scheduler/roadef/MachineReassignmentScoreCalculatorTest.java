package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.api.score.HardSoftScore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental calculator against the independent checker: after every random change or swap (seeded), the
 * incremental score equals a from-scratch one, its soft score is minus the checker's cost, and it is feasible
 * exactly when the checker says so. Moves are mostly undone so that the walk visits feasible states too.
 */
class MachineReassignmentScoreCalculatorTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a1_1", "a1_2", "a1_3", "a1_4", "a1_5", "a2_1", "a2_2", "a2_3", "a2_4", "a2_5", "b_1"})
    void incrementalScoreMatchesTheCheckerAfterRandomMoves(String name) {
        RoadefInstance instance = RoadefData.instance(name);
        MachineReassignment solution = MachineReassignment.startingFromOriginal(instance);
        MachineReassignmentScoreCalculator calculator = new MachineReassignmentScoreCalculator();
        calculator.resetWorkingSolution(solution);
        assertMatchesChecker(instance, solution, calculator);

        Random random = new Random(name.hashCode());
        List<ProcessAssignment> assignments = solution.getAssignments();
        List<RoadefMachine> machines = instance.machines();
        int feasibleVisited = 0;
        int infeasibleVisited = 0;
        for (int step = 0; step < 150; step++) {
            ProcessAssignment first = assignments.get(random.nextInt(assignments.size()));
            RoadefMachine firstBefore = first.getMachine();
            if (random.nextBoolean()) {
                set(calculator, first, machines.get(random.nextInt(machines.size())));
            } else {
                ProcessAssignment second = assignments.get(random.nextInt(assignments.size()));
                RoadefMachine secondBefore = second.getMachine();
                set(calculator, first, secondBefore);
                set(calculator, second, firstBefore);
            }
            boolean feasible = assertMatchesChecker(instance, solution, calculator);
            if (feasible) {
                feasibleVisited++;
            } else {
                infeasibleVisited++;
            }
            if (!feasible && random.nextInt(4) > 0) {
                // Walk back towards the original (partly or fully) so later steps start from feasible states too.
                boolean all = random.nextBoolean();
                for (ProcessAssignment assignment : assignments) {
                    if (assignment.isMoved() && (all || random.nextBoolean())) {
                        set(calculator, assignment, assignment.getOriginalMachine());
                    }
                }
                if (assertMatchesChecker(instance, solution, calculator)) {
                    feasibleVisited++;
                } else {
                    infeasibleVisited++;
                }
            }
        }
        assertThat(feasibleVisited).isPositive();
        if (!name.equals("a2_1")) {
            assertThat(infeasibleVisited).isPositive();
        }
    }

    private static void set(MachineReassignmentScoreCalculator calculator, ProcessAssignment assignment, RoadefMachine machine) {
        calculator.beforeVariableChanged(assignment, "machine");
        assignment.setMachine(machine);
        calculator.afterVariableChanged(assignment, "machine");
    }

    private static boolean assertMatchesChecker(RoadefInstance instance, MachineReassignment solution,
                                                MachineReassignmentScoreCalculator calculator) {
        HardSoftScore incremental = calculator.calculateScore();
        MachineReassignmentScoreCalculator fromScratch = new MachineReassignmentScoreCalculator();
        fromScratch.resetWorkingSolution(solution);
        assertThat(incremental).isEqualTo(fromScratch.calculateScore());

        CheckResult checked = RoadefChecker.check(instance, solution.machineIndices());
        assertThat(-incremental.softScore()).as(checked.costs().toString()).isEqualTo(checked.costs().total());
        assertThat(incremental.hardScore() == 0).as("hard %s vs %s", incremental, checked.firstViolations())
                .isEqualTo(checked.feasible());
        return checked.feasible();
    }
}
