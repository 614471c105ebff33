package dev.ballast.actuators.execution;

import java.util.List;
import java.util.Objects;

/** The final state of every step of a plan, in plan order. */
public record ExecutionReport(String planId, List<StepOutcome> steps) {
    public ExecutionReport {
        Objects.requireNonNull(planId, "plan id");
        steps = List.copyOf(steps);
    }

    /** True when every step either succeeded or had nothing to do. */
    public boolean succeeded() {
        return steps.stream().allMatch(s -> s.status() == StepStatus.SUCCEEDED || s.status() == StepStatus.SKIPPED);
    }

    public long count(StepStatus status) {
        return steps.stream().filter(s -> s.status() == status).count();
    }
}
