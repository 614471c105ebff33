package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;

import java.util.List;

/** The placement problem: hosts (facts), VM placements (entities), the cost model and the goal's weights. */
@PlanningSolution
public final class PlacementSolution {
    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<PlanningHost> hosts;

    @PlanningEntityCollectionProperty
    private List<VmPlacement> placements;

    @ProblemFactProperty
    private MigrationCostModel migrationCostModel;

    private ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides;

    @PlanningScore
    private HardMediumSoftScore score;

    PlacementSolution() {
        // for Timefold's cloning
    }

    public PlacementSolution(List<PlanningHost> hosts, List<VmPlacement> placements, MigrationCostModel migrationCostModel,
                             ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides) {
        this.hosts = hosts;
        this.placements = placements;
        this.migrationCostModel = migrationCostModel;
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public List<PlanningHost> getHosts() {
        return hosts;
    }

    public List<VmPlacement> getPlacements() {
        return placements;
    }

    public MigrationCostModel getMigrationCostModel() {
        return migrationCostModel;
    }

    public ConstraintWeightOverrides<HardMediumSoftScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides) {
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
