package dev.ballast.scheduler.plans;

/** Where a plan is in its life: proposed, being carried out, or finished one way or another. */
public enum PlanStatus {
    RECOMMENDED,
    EXECUTING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
