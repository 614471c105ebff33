package dev.ballast.scheduler.planning;

import java.util.List;

/** The placement policies as problem facts, one list per constraint; all empty for a plan that asks for none. */
public record PolicyFacts(List<PlanningSpread> spreads, List<PlanningDependency> dependencies, List<BalanceTarget> balanceTargets,
                          List<SafetyCapacity> safetyCapacities, List<PlanningMoveCostTable> moveCosts,
                          List<PlanningServiceGroup> serviceGroups) {
    public static final PolicyFacts NONE = new PolicyFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public PolicyFacts {
        spreads = List.copyOf(spreads);
        dependencies = List.copyOf(dependencies);
        balanceTargets = List.copyOf(balanceTargets);
        safetyCapacities = List.copyOf(safetyCapacities);
        moveCosts = List.copyOf(moveCosts);
        serviceGroups = List.copyOf(serviceGroups);
    }

    /** The constraints with no input: the problem builder sets their weight to zero so Timefold leaves them out. */
    public List<String> idleConstraints() {
        List<String> idle = new java.util.ArrayList<>();
        if (spreads.isEmpty()) {
            idle.add(ConstraintIds.FAILURE_DOMAIN_SPREAD);
        }
        if (dependencies.isEmpty()) {
            idle.add(ConstraintIds.DEPENDENCY_LOCALITY);
        }
        if (balanceTargets.isEmpty()) {
            idle.add(ConstraintIds.BALANCE_TARGET);
        }
        if (safetyCapacities.isEmpty()) {
            idle.add(ConstraintIds.SAFETY_CAPACITY);
        }
        if (moveCosts.isEmpty()) {
            idle.add(ConstraintIds.HOST_PAIR_MOVE_COST);
        }
        if (serviceGroups.isEmpty()) {
            idle.add(ConstraintIds.SERVICE_MOVE_COST);
        }
        return idle;
    }
}
