package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

import java.util.List;
import java.util.Map;

/**
 * What the solver proposes: the target placement (every VM's host), the score of the current placement and of the
 * proposal, the per-constraint explanation, and whether the proposal beat the current placement by the margin.
 */
public record PlacementResult(Map<VmId, HostId> target, HardMediumSoftScore scoreBefore, HardMediumSoftScore scoreAfter,
                              List<ConstraintScore> constraints, boolean improved, long solveMillis) {
    public PlacementResult {
        target = Map.copyOf(target);
        constraints = List.copyOf(constraints);
    }

    public boolean feasible() {
        return scoreAfter.isFeasible();
    }

    /** The hard and medium constraints the proposal still breaks, with their reasons: what makes a plan infeasible. */
    public List<ConstraintScore> broken() {
        return constraints.stream().filter(ConstraintScore::broken).toList();
    }
}
