package dev.ballast.scheduler.planning;

import java.util.Set;

/**
 * A rule whose VMs count as one service for the per-service move cost (a problem fact). Equal by name only (see
 * {@link PlanningSpread}).
 */
public record PlanningServiceGroup(String name, Set<String> vmIds) {
    /** How many VMs of one service a plan moves. */
    public record Moves(String group, long vms) {
    }

    public boolean contains(VmPlacement p) {
        return vmIds.contains(p.getId());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanningServiceGroup g && g.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
