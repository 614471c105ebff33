package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import java.math.BigDecimal;

/** Why a constraint matched, in words an operator reads in a plan's explanation. */
public final class Justifications {
    private Justifications() {
    }

    /** A host asked to hold more than its limit of one resource. */
    public record CapacityExcess(String host, String resource, long used, long limit) implements ConstraintJustification {
        @Override
        public String toString() {
            return host + " " + resource + " " + used + " > limit " + limit;
        }
    }

    /** A VM placed on a host that is off or in maintenance. */
    public record UnusableHostPlacement(String vm, String host, String state) implements ConstraintJustification {
        @Override
        public String toString() {
            return vm + " on " + host + " which is " + state;
        }
    }

    /** A host that stays powered on to run its VMs, and what it draws. */
    public record HostPower(String host, long vms, double watts) implements ConstraintJustification {
        @Override
        public String toString() {
            return host + " stays on for " + vms + " VMs, about " + Math.round(watts) + " W";
        }
    }

    /** How unevenly a resource is spread over the usable hosts. */
    public record Imbalance(String resource, BigDecimal unfairness) implements ConstraintJustification {
        @Override
        public String toString() {
            return resource + " unfairness " + unfairness.stripTrailingZeros().toPlainString();
        }
    }

    /** What moving a VM costs, as the estimated time of its live migration. */
    public record MigrationPrice(String vm, String from, String to, double seconds) implements ConstraintJustification {
        @Override
        public String toString() {
            return vm + " " + from + " -> " + to + " about " + Math.round(seconds) + " s of live migration";
        }
    }

    /** VMs of an anti-affinity group sharing a host, or of an affinity group spread over hosts. */
    public record RuleBreach(String rule, String detail) implements ConstraintJustification {
        @Override
        public String toString() {
            return "rule " + rule + ": " + detail;
        }
    }

    /** Spare capacity short of what losing the largest hosts would need. */
    public record SpareShortfall(String resource, long free, long needed) implements ConstraintJustification {
        @Override
        public String toString() {
            return "spare " + resource + " " + free + " < " + needed + " needed to absorb a host's loss";
        }
    }

    /** A plan over its migration budget. */
    public record OverBudget(String what, long planned, long allowed) implements ConstraintJustification {
        @Override
        public String toString() {
            return what + " " + planned + " > budget " + allowed;
        }
    }

    /** A single case with a plain reason (a host powered on, a VM moved again within its cooldown, a skewed host). */
    public record Note(String text) implements ConstraintJustification {
        @Override
        public String toString() {
            return text;
        }
    }
}
