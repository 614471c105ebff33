package dev.ballast.scheduler.plans;

/**
 * Where a plan is in its life: RECOMMENDED → APPROVED → EXECUTING → SUCCEEDED / FAILED / CANCELLED, or SUPERSEDED
 * when the cluster moved on (changed beyond tolerance, or the plan outlived its TTL) before it ran.
 */
public enum PlanStatus {
    RECOMMENDED,
    APPROVED,
    EXECUTING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    SUPERSEDED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == SUPERSEDED;
    }

    /** Not yet started and still valid: may be approved, executed or cancelled. */
    public boolean isPending() {
        return this == RECOMMENDED || this == APPROVED;
    }
}
