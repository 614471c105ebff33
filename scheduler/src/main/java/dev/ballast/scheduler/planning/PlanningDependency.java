package dev.ballast.scheduler.planning;

import java.util.Set;

/**
 * A dependency as the solver sees it (a problem fact): the VMs of {@code group} need one of {@code neededVmIds} in
 * their neighborhood. Equal by name only (see {@link PlanningSpread}).
 */
public record PlanningDependency(String name, String group, Set<String> vmIds, String needs, Set<String> neededVmIds, String labelKey) {
    /** A value of the neighborhood label for one dependency: the key the two sides of the constraint meet on. */
    public record Neighborhood(PlanningDependency dependency, String value) {
        @Override
        public String toString() {
            return dependency.labelKey() + "=" + value;
        }
    }

    /** A VM of the dependent group or of the needed one (a problem fact), for an indexed join on the VM id. */
    public record Member(PlanningDependency dependency, String vmId, boolean needed) {
    }

    public java.util.stream.Stream<Member> members() {
        return java.util.stream.Stream.concat(vmIds.stream().sorted().map(id -> new Member(this, id, false)),
                neededVmIds.stream().sorted().map(id -> new Member(this, id, true)));
    }

    public boolean dependent(VmPlacement p) {
        return vmIds.contains(p.getId());
    }

    public boolean needed(VmPlacement p) {
        return neededVmIds.contains(p.getId());
    }

    /** The host's neighborhood: its label value, or the host itself when it lacks the label. */
    public Neighborhood neighborhoodOf(PlanningHost host) {
        String value = host.getLabels().get(labelKey);
        return new Neighborhood(this, value != null ? value : "(host " + host.getId() + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanningDependency d && d.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
