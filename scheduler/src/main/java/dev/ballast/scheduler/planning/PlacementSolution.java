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

    @ProblemFactProperty
    private PlanningLimits limits;

    @ProblemFactCollectionProperty
    private List<PlanningAffinityGroup> affinityGroups;

    @ProblemFactCollectionProperty
    private List<PlanningHostRule> hostRules;

    private ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides;

    @PlanningScore
    private HardMediumSoftScore score;

    PlacementSolution() {
        // for Timefold's cloning
    }

    public PlacementSolution(List<PlanningHost> hosts, List<VmPlacement> placements, MigrationCostModel migrationCostModel,
                             ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides) {
        this(hosts, placements, migrationCostModel, PlanningLimits.NONE, List.of(), List.of(), constraintWeightOverrides);
    }

    public PlacementSolution(List<PlanningHost> hosts, List<VmPlacement> placements, MigrationCostModel migrationCostModel,
                             PlanningLimits limits, List<PlanningAffinityGroup> affinityGroups, List<PlanningHostRule> hostRules,
                             ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides) {
        this.limits = limits;
        this.affinityGroups = affinityGroups;
        this.hostRules = hostRules;
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

    public PlanningLimits getLimits() {
        return limits;
    }

    public List<PlanningAffinityGroup> getAffinityGroups() {
        return affinityGroups;
    }

    public List<PlanningHostRule> getHostRules() {
        return hostRules;
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
