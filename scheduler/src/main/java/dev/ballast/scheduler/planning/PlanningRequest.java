package dev.ballast.scheduler.planning;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a plan is asked to respect beyond the cluster itself: the goal and any soft weights overridden,
 * VMs that must stay, hosts to empty, VM-VM and VM-host rules, the migration budget, whether off hosts may be
 * powered on, how many hosts' worth of spare capacity to keep (N+1 is 1), VMs still in their migration
 * cooldown, and the machine-reassignment policies ({@link PlacementPolicies}: spread, dependencies, balance targets,
 * safety capacity, move costs).
 */
public record PlanningRequest(Goal goal, Map<String, Long> weightOverrides, Set<VmId> pinned, Set<HostId> evacuate,
                              List<AffinityRule> affinityRules, List<HostRule> hostRules, MigrationBudget budget,
                              boolean allowPowerOn, int spareHosts, Set<VmId> recentlyMoved,
                              PlacementPolicies policies) {
    public PlanningRequest {
        Objects.requireNonNull(policies, "policies (PlacementPolicies.NONE for none)");
        Objects.requireNonNull(goal, "goal");
        weightOverrides = Map.copyOf(weightOverrides);
        pinned = Set.copyOf(pinned);
        evacuate = Set.copyOf(evacuate);
        affinityRules = List.copyOf(affinityRules);
        hostRules = List.copyOf(hostRules);
        Objects.requireNonNull(budget, "budget");
        recentlyMoved = Set.copyOf(recentlyMoved);
        if (spareHosts < 0) {
            throw new IllegalArgumentException("spareHosts must be >= 0, was " + spareHosts);
        }
        for (Map.Entry<String, Long> e : weightOverrides.entrySet()) {
            if (!ConstraintIds.SOFT.contains(e.getKey())) {
                throw new IllegalArgumentException("weight of '" + e.getKey() + "' cannot be overridden: "
                        + (ConstraintIds.ALL.contains(e.getKey()) ? "hard and medium constraints keep their weight" : "no such constraint")
                        + "; soft constraints are " + ConstraintIds.SOFT);
            }
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("weight of '" + e.getKey() + "' must be >= 0, was " + e.getValue());
            }
        }
    }

    /** A request without placement policies. */
    public PlanningRequest(Goal goal, Map<String, Long> weightOverrides, Set<VmId> pinned, Set<HostId> evacuate,
                           List<AffinityRule> affinityRules, List<HostRule> hostRules, MigrationBudget budget,
                           boolean allowPowerOn, int spareHosts, Set<VmId> recentlyMoved) {
        this(goal, weightOverrides, pinned, evacuate, affinityRules, hostRules, budget, allowPowerOn, spareHosts, recentlyMoved,
                PlacementPolicies.NONE);
    }

    /** Just a goal, with the defaults: no rules, no budget, power-on allowed, N+1 spare capacity. */
    public static PlanningRequest of(Goal goal) {
        return new PlanningRequest(goal, Map.of(), Set.of(), Set.of(), List.of(), List.of(), MigrationBudget.UNLIMITED,
                true, 1, Set.of());
    }

    public PlanningRequest withPinned(Set<VmId> vms) {
        return new PlanningRequest(goal, weightOverrides, vms, evacuate, affinityRules, hostRules, budget, allowPowerOn, spareHosts, recentlyMoved, policies);
    }

    public PlanningRequest withSpareHosts(int n) {
        return new PlanningRequest(goal, weightOverrides, pinned, evacuate, affinityRules, hostRules, budget, allowPowerOn, n, recentlyMoved, policies);
    }

    public PlanningRequest withRecentlyMoved(Set<VmId> vms) {
        return new PlanningRequest(goal, weightOverrides, pinned, evacuate, affinityRules, hostRules, budget, allowPowerOn, spareHosts, vms, policies);
    }

    public PlanningRequest withEvacuate(Set<HostId> hosts) {
        return new PlanningRequest(goal, weightOverrides, pinned, hosts, affinityRules, hostRules, budget, allowPowerOn, spareHosts,
                recentlyMoved, policies);
    }

    public PlanningRequest withPolicies(PlacementPolicies p) {
        return new PlanningRequest(goal, weightOverrides, pinned, evacuate, affinityRules, hostRules, budget, allowPowerOn, spareHosts,
                recentlyMoved, p);
    }
}
