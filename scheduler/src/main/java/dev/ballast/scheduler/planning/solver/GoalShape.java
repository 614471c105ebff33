package dev.ballast.scheduler.planning.solver;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import dev.ballast.scheduler.planning.ConstraintIds;
import dev.ballast.scheduler.planning.PlacementSolution;

/** Whether the weights of a problem ask for packing (power costs) or for spreading: the custom phases' only switch. */
final class GoalShape {
    private GoalShape() {
    }

    static boolean packs(PlacementSolution solution) {
        return softWeight(solution, ConstraintIds.POWER) > 0;
    }

    static long softWeight(PlacementSolution solution, String constraintId) {
        ConstraintWeightOverrides<HardMediumSoftScore> weights = solution.getConstraintWeightOverrides();
        HardMediumSoftScore weight = weights == null ? null : weights.getConstraintWeight(constraintId);
        return weight == null ? 0 : weight.softScore();
    }
}
