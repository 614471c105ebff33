package dev.ballast.scheduler.planning;

import java.util.Set;
import java.util.TreeSet;

/**
 * A failure-domain spread as the solver sees it (a problem fact). Equal by group name only: constraint streams group
 * by it, and hashing the VM set at every step would cost as much as the group is large.
 */
public record PlanningSpread(String group, Set<String> vmIds, String labelKey, int minDomains) {
    /** One VM of the group (a problem fact): constraints join VMs to their groups on the VM id, an indexed join. */
    public record Member(PlanningSpread spread, String vmId) {
    }

    /** What a host without the label counts as: no domain. */
    static final String NO_DOMAIN = "\u0000no-domain";

    public java.util.stream.Stream<Member> members() {
        return vmIds.stream().sorted().map(id -> new Member(this, id));
    }

    public boolean contains(VmPlacement p) {
        return vmIds.contains(p.getId());
    }

    public String domainOf(PlanningHost host) {
        return host.getLabels().getOrDefault(labelKey, NO_DOMAIN);
    }

    /** The known domains among a set of domains collected from the group's hosts. */
    public Set<String> known(Set<String> domains) {
        Set<String> known = new TreeSet<>(domains);
        known.remove(NO_DOMAIN);
        return known;
    }

    /** How many domains short of the minimum the group is. */
    public int shortfall(Set<String> domains) {
        int count = domains.contains(NO_DOMAIN) ? domains.size() - 1 : domains.size();
        return Math.max(0, minDomains - count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanningSpread s && s.group.equals(group);
    }

    @Override
    public int hashCode() {
        return group.hashCode();
    }
}
