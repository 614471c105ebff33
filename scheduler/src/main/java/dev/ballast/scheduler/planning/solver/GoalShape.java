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
        ConstraintWeightOverrides<HardMediumSoftScore> weights = solution.getConstraintWeightOverrides();
        if (weights == null) {
            return false;
        }
        HardMediumSoftScore power = weights.getConstraintWeight(ConstraintIds.POWER);
        return power != null && power.softScore() > 0;
    }
}
