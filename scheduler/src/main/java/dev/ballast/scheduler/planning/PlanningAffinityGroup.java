package dev.ballast.scheduler.planning;

import java.util.Set;

/**
 * An affinity rule as the solver sees it (a problem fact): VM ids as strings, matched against placements. Equal by
 * name only (rule names are unique): constraint streams group by it, and hashing the VM set at every step would cost
 * as much as the rule is large.
 */
public record PlanningAffinityGroup(String name, AffinityRule.Kind kind, RuleStrength strength, Set<String> vmIds) {
    /** One VM of the rule (a problem fact): constraints join VMs to their rules on the VM id, an indexed join. */
    public record Member(PlanningAffinityGroup group, String vmId) {
    }

    public java.util.stream.Stream<Member> members() {
        return vmIds.stream().sorted().map(id -> new Member(this, id));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanningAffinityGroup g && g.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    public boolean contains(VmPlacement p) {
        return vmIds.contains(p.getId());
    }

    public boolean isAnti() {
        return kind == AffinityRule.Kind.ANTI_AFFINITY;
    }

    public boolean isHard() {
        return strength == RuleStrength.HARD;
    }
}
