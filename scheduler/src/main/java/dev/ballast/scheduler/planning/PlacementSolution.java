package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;

import dev.ballast.scheduler.planning.solver.HostValueRange;

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

    @ProblemFactCollectionProperty
    private List<PlanningSpread> spreads;

    @ProblemFactCollectionProperty
    private List<PlanningDependency> dependencies;

    @ProblemFactCollectionProperty
    private List<BalanceTarget> balanceTargets;

    @ProblemFactCollectionProperty
    private List<SafetyCapacity> safetyCapacities;

    @ProblemFactCollectionProperty
    private List<PlanningMoveCostTable> moveCosts;

    @ProblemFactCollectionProperty
    private List<PlanningServiceGroup> serviceGroups;

    // group memberships, derived from the groups above: the constraints join VMs to them on the VM id
    @ProblemFactCollectionProperty
    private List<PlanningAffinityGroup.Member> affinityMembers;

    @ProblemFactCollectionProperty
    private List<PlanningSpread.Member> spreadMembers;

    @ProblemFactCollectionProperty
    private List<PlanningDependency.Member> dependencyMembers;

    @ProblemFactCollectionProperty
    private List<PlanningServiceGroup.Member> serviceMembers;

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
        this(hosts, placements, migrationCostModel, limits, affinityGroups, hostRules, PolicyFacts.NONE, constraintWeightOverrides);
    }

    public PlacementSolution(List<PlanningHost> hosts, List<VmPlacement> placements, MigrationCostModel migrationCostModel,
                             PlanningLimits limits, List<PlanningAffinityGroup> affinityGroups, List<PlanningHostRule> hostRules,
                             PolicyFacts policies, ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides) {
        this.limits = limits;
        this.spreads = policies.spreads();
        this.dependencies = policies.dependencies();
        this.balanceTargets = policies.balanceTargets();
        this.safetyCapacities = policies.safetyCapacities();
        this.moveCosts = policies.moveCosts();
        this.serviceGroups = policies.serviceGroups();
        this.affinityMembers = affinityGroups.stream().flatMap(PlanningAffinityGroup::members).toList();
        this.spreadMembers = spreads.stream().flatMap(PlanningSpread::members).toList();
        this.dependencyMembers = dependencies.stream().flatMap(PlanningDependency::members).toList();
        this.serviceMembers = serviceGroups.stream().flatMap(PlanningServiceGroup::members).toList();
        this.affinityGroups = affinityGroups;
        this.hostRules = hostRules;
        this.hosts = HostValueRange.of(hosts);
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

    public List<PlanningSpread> getSpreads() {
        return spreads;
    }

    public List<PlanningDependency> getDependencies() {
        return dependencies;
    }

    public List<BalanceTarget> getBalanceTargets() {
        return balanceTargets;
    }

    public List<SafetyCapacity> getSafetyCapacities() {
        return safetyCapacities;
    }

    public List<PlanningMoveCostTable> getMoveCosts() {
        return moveCosts;
    }

    public List<PlanningServiceGroup> getServiceGroups() {
        return serviceGroups;
    }

    public List<PlanningAffinityGroup.Member> getAffinityMembers() {
        return affinityMembers;
    }

    public List<PlanningSpread.Member> getSpreadMembers() {
        return spreadMembers;
    }

    public List<PlanningDependency.Member> getDependencyMembers() {
        return dependencyMembers;
    }

    public List<PlanningServiceGroup.Member> getServiceMembers() {
        return serviceMembers;
    }

    /** The placement policies' facts (failure-domain spreads, dependencies, balance targets and so on). */
    public PolicyFacts getPolicies() {
        return new PolicyFacts(spreads, dependencies, balanceTargets, safetyCapacities, moveCosts, serviceGroups);
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
