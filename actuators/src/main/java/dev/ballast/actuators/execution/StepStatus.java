package dev.ballast.actuators.execution;

/** Where a step stands. SUCCEEDED, SKIPPED, FAILED and CANCELLED are final. */
public enum StepStatus {
    NOT_STARTED,
    RUNNING,
    SUCCEEDED,
    /** The pre-condition found nothing to do (for example the VM already left its source). */
    SKIPPED,
    FAILED,
    /** The plan was cancelled before this step started. */
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == SKIPPED || this == FAILED || this == CANCELLED;
    }
}
