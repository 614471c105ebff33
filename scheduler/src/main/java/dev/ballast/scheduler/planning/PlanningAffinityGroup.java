package dev.ballast.scheduler.planning;

import java.util.Set;

/** An affinity rule as the solver sees it (a problem fact): VM ids as strings, matched against placements. */
public record PlanningAffinityGroup(String name, AffinityRule.Kind kind, RuleStrength strength, Set<String> vmIds) {
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
