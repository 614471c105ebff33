package dev.ballast.actuators.execution;

/** Told about every step transition (running, then its final status), in the order they happen. */
@FunctionalInterface
public interface ExecutionListener {
    ExecutionListener NONE = outcome -> { };

    void onStep(StepOutcome outcome);
}
