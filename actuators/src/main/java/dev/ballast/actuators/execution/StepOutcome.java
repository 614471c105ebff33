package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.PlanStep;

import java.time.Instant;
import java.util.Objects;

/** The state of one step of a plan; the instants are null while the step has not started or finished. */
public record StepOutcome(int index, PlanStep step, StepStatus status, String message, Instant startedAt, Instant finishedAt) {
    public StepOutcome {
        Objects.requireNonNull(step, "step " + index);
        Objects.requireNonNull(status, "status of step " + index);
        if (index < 0) {
            throw new IllegalArgumentException("step index must be >= 0, was " + index);
        }
        message = message == null ? "" : message;
    }

    public static StepOutcome notStarted(int index, PlanStep step) {
        return new StepOutcome(index, step, StepStatus.NOT_STARTED, "", null, null);
    }

    public StepOutcome running(Instant at, String why) {
        return new StepOutcome(index, step, StepStatus.RUNNING, why, at, null);
    }

    /** A final status; a step that never ran (skipped, cancelled) gets its start set to its end. */
    public StepOutcome finish(StepStatus finalStatus, String why, Instant at) {
        if (!finalStatus.isFinal()) {
            throw new IllegalArgumentException("step " + index + " cannot finish as " + finalStatus);
        }
        return new StepOutcome(index, step, finalStatus, why, startedAt == null ? at : startedAt, at);
    }
}
