package dev.ballast.scheduler.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules and policies from Ballast's configuration that every plan respects, the autopilot's included: VM-VM and
 * VM-host rules, the placement policies (failure-domain spread, dependency locality, balance targets, safety
 * capacity, move costs) and soft weights. A request adds its own on top; its weights override these.
 */
public record StandingRules(String source, List<AffinityRule> affinityRules, List<HostRule> hostRules, PlacementPolicies policies,
                            Map<String, Long> weights) {
    public static final StandingRules NONE = new StandingRules("none", List.of(), List.of(), PlacementPolicies.NONE, Map.of());

    public StandingRules {
        affinityRules = List.copyOf(affinityRules);
        hostRules = List.copyOf(hostRules);
        weights = Map.copyOf(weights);
    }

    public boolean isEmpty() {
        return affinityRules.isEmpty() && hostRules.isEmpty() && policies.equals(PlacementPolicies.NONE) && weights.isEmpty();
    }

    /** The request with these rules added; a request rule may not reuse a standing rule's name. */
    public PlanningRequest applyTo(PlanningRequest request) {
        if (isEmpty()) {
            return request;
        }
        Set<String> names = new HashSet<>();
        affinityRules.forEach(r -> names.add(r.name()));
        hostRules.forEach(r -> names.add(r.name()));
        for (AffinityRule r : request.affinityRules()) {
            clash(names, r.name());
        }
        for (HostRule r : request.hostRules()) {
            clash(names, r.name());
        }
        List<AffinityRule> affinity = new ArrayList<>(affinityRules);
        affinity.addAll(request.affinityRules());
        List<HostRule> host = new ArrayList<>(hostRules);
        host.addAll(request.hostRules());
        Map<String, Long> w = new HashMap<>(weights);
        w.putAll(request.weightOverrides());
        PlacementPolicies mine = request.policies();
        List<FailureDomainSpread> spreads = new ArrayList<>(policies.spreads());
        spreads.addAll(mine.spreads());
        List<DependencyRule> dependencies = new ArrayList<>(policies.dependencies());
        dependencies.addAll(mine.dependencies());
        List<BalanceTarget> balance = new ArrayList<>(policies.balanceTargets());
        balance.addAll(mine.balanceTargets());
        List<SafetyCapacity> safety = new ArrayList<>(policies.safetyCapacities());
        safety.addAll(mine.safetyCapacities());
        HostPairMoveCosts moveCosts = mine.moveCosts().equals(HostPairMoveCosts.NONE) ? policies.moveCosts() : mine.moveCosts();
        Set<String> service = new HashSet<>(policies.serviceMoveCostGroups());
        service.addAll(mine.serviceMoveCostGroups());
        PlacementPolicies merged = new PlacementPolicies(spreads, dependencies, balance, safety, moveCosts, service);
        return new PlanningRequest(request.goal(), w, request.pinned(), request.evacuate(), affinity, host, request.budget(),
                request.allowPowerOn(), request.spareHosts(), request.recentlyMoved(), merged);
    }

    private void clash(Set<String> names, String name) {
        if (names.contains(name)) {
            throw new PolicyException("rules", "rule '" + name + "' is a standing rule from " + source + "; give the request's rule another name");
        }
    }
}
