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

    /** One VM of the service (a problem fact), for an indexed join on the VM id. */
    public record Member(PlanningServiceGroup group, String vmId) {
    }

    public java.util.stream.Stream<Member> members() {
        return vmIds.stream().sorted().map(id -> new Member(this, id));
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
