package dev.ballast.scheduler.planning;

import java.util.Set;

/** A VM-host label rule as the solver sees it (a problem fact). */
public record PlanningHostRule(String name, HostRule.Kind kind, RuleStrength strength, Set<String> vmIds, String labelKey,
                               String labelValue) {
    public boolean appliesTo(VmPlacement p) {
        return vmIds.contains(p.getId());
    }

    /** Whether the placement's host breaks this rule. */
    public boolean brokenBy(PlanningHost host) {
        boolean labelled = labelValue.equals(host.getLabels().get(labelKey));
        return kind == HostRule.Kind.MUST ? !labelled : labelled;
    }

    public boolean isHard() {
        return strength == RuleStrength.HARD;
    }
}
