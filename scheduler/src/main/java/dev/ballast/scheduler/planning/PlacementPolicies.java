package dev.ballast.scheduler.planning;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The machine-reassignment (ROADEF/EURO 2012) concepts an operator may ask a plan to respect, each optional:
 * failure-domain spread of anti-affinity rules and dependency locality between rules (hard), resource balance
 * targets, safety capacities, per-host-pair move costs and the per-service move cost over the named rules (soft).
 * Rules are referred to by name; {@link #NONE} asks for none of them and changes no score.
 */
public record PlacementPolicies(List<FailureDomainSpread> spreads, List<DependencyRule> dependencies,
                                List<BalanceTarget> balanceTargets, List<SafetyCapacity> safetyCapacities,
                                HostPairMoveCosts moveCosts, Set<String> serviceMoveCostGroups) {
    public static final PlacementPolicies NONE = new PlacementPolicies(List.of(), List.of(), List.of(), List.of(),
            HostPairMoveCosts.NONE, Set.of());

    public PlacementPolicies {
        spreads = List.copyOf(spreads);
        dependencies = List.copyOf(dependencies);
        balanceTargets = List.copyOf(balanceTargets);
        safetyCapacities = List.copyOf(safetyCapacities);
        Objects.requireNonNull(moveCosts, "moveCosts (HostPairMoveCosts.NONE for none)");
        serviceMoveCostGroups = Set.copyOf(serviceMoveCostGroups);
        Set<String> seen = new HashSet<>();
        for (FailureDomainSpread s : spreads) {
            if (!seen.add(s.group())) {
                throw new PolicyException("rules", "rule " + s.group() + " has two failure-domain spreads; give it one");
            }
        }
        seen.clear();
        for (DependencyRule d : dependencies) {
            if (!seen.add(d.name())) {
                throw new PolicyException("dependencies", "dependency " + d.group() + " -> " + d.needs() + " over " + d.labelKey()
                        + " is given twice");
            }
        }
        seen.clear();
        for (SafetyCapacity s : safetyCapacities) {
            if (!seen.add(s.resource().name())) {
                throw new PolicyException("safetyCapacity", "the " + s.resource() + " safety capacity is given twice");
            }
        }
    }

    public PlacementPolicies withSpreads(List<FailureDomainSpread> s) {
        return new PlacementPolicies(s, dependencies, balanceTargets, safetyCapacities, moveCosts, serviceMoveCostGroups);
    }

    public PlacementPolicies withDependencies(List<DependencyRule> d) {
        return new PlacementPolicies(spreads, d, balanceTargets, safetyCapacities, moveCosts, serviceMoveCostGroups);
    }

    public PlacementPolicies withBalanceTargets(List<BalanceTarget> b) {
        return new PlacementPolicies(spreads, dependencies, b, safetyCapacities, moveCosts, serviceMoveCostGroups);
    }

    public PlacementPolicies withSafetyCapacities(List<SafetyCapacity> s) {
        return new PlacementPolicies(spreads, dependencies, balanceTargets, s, moveCosts, serviceMoveCostGroups);
    }

    public PlacementPolicies withMoveCosts(HostPairMoveCosts m) {
        return new PlacementPolicies(spreads, dependencies, balanceTargets, safetyCapacities, m, serviceMoveCostGroups);
    }

    public PlacementPolicies withServiceMoveCostGroups(Set<String> g) {
        return new PlacementPolicies(spreads, dependencies, balanceTargets, safetyCapacities, moveCosts, g);
    }
}
