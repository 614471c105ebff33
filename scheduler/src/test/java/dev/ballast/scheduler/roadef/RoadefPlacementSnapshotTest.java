package dev.ballast.scheduler.roadef;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repack moves' snapshot against the independent checker, along a seeded random walk of single changes from the
 * original assignment (feasible changes are kept, the others undone, and the snapshot synced after each): its
 * machine costs add up to the checker's load and balance cost; a change it allows ({@code mayLeave} and
 * {@code canPlace}) is feasible per the checker, and a feasible change to another neighborhood is allowed (within a
 * neighborhood {@code mayLeave} is stricter than needed); its cost estimate is the checker's cost difference, give
 * or take the service move cost it only estimates.
 */
class RoadefPlacementSnapshotTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a1_2", "a1_4", "a2_2", "a2_5", "b_1"})
    void agreesWithTheCheckerAlongARandomWalk(String name) {
        RoadefInstance instance = RoadefData.instance(name);
        MachineReassignment solution = MachineReassignment.startingFromOriginal(instance);
        List<ProcessAssignment> assignments = solution.getAssignments();
        PlacementSnapshot snapshot = new PlacementSnapshot(instance, assignments);
        MoveCostWeights weights = instance.weights();
        long cost = assertCostsMatch(instance, solution, snapshot);
        Random random = new Random(name.hashCode());
        int allowed = 0;
        int refused = 0;
        for (int step = 0; step < 300; step++) {
            ProcessAssignment assignment = assignments.get(random.nextInt(assignments.size()));
            int p = assignment.getId();
            RoadefMachine from = assignment.getMachine();
            RoadefMachine to = instance.machines().get(random.nextInt(instance.machineCount()));
            if (to == from) {
                continue;
            }
            boolean mayLeave = snapshot.mayLeave(p);
            snapshot.unplace(p);
            boolean canPlace = snapshot.canPlace(p, to.index(), 0);
            long estimate = snapshot.placementCost(p, to.index()) - snapshot.placementCost(p, from.index());
            snapshot.place(p, from.index());

            assignment.setMachine(to);
            CheckResult checked = RoadefChecker.check(instance, solution.machineIndices());
            String what = "process " + p + " from " + from + " to " + to + ": " + checked.firstViolations();
            if (mayLeave && canPlace) {
                assertThat(checked.feasible()).as(what).isTrue();
                assertThat(Math.abs(checked.costs().total() - cost - estimate)).as(what)
                        .isLessThanOrEqualTo(2 * weights.serviceMove());
                allowed++;
            } else {
                refused++;
            }
            if (checked.feasible() && to.neighborhood() != from.neighborhood()) {
                assertThat(mayLeave && canPlace).as(what).isTrue();
            }
            if (!checked.feasible()) {
                assignment.setMachine(from);
            }
            snapshot.sync(assignments);
            cost = assertCostsMatch(instance, solution, snapshot);
        }
        assertThat(allowed).isPositive();
        assertThat(refused).isPositive();
    }

    /** The snapshot's machine costs against the checker's load and balance cost; returns the checker's total. */
    private static long assertCostsMatch(RoadefInstance instance, MachineReassignment solution, PlacementSnapshot snapshot) {
        CostBreakdown costs = RoadefChecker.check(instance, solution.machineIndices()).costs();
        MoveCostWeights weights = instance.weights();
        long loadAndBalance = costs.total() - weights.processMove() * costs.processMoveCost()
                - weights.serviceMove() * costs.serviceMoveCost() - weights.machineMove() * costs.machineMoveCost();
        long snapshotCost = 0;
        for (int m = 0; m < instance.machineCount(); m++) {
            snapshotCost += snapshot.machineCost(m);
        }
        assertThat(snapshotCost).as(costs.toString()).isEqualTo(loadAndBalance);
        return costs.total();
    }
}
