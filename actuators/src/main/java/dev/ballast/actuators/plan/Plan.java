package dev.ballast.actuators.plan;

import java.util.List;
import java.util.Objects;

/** An ordered list of steps under an id; the order is the one the executor follows. */
public record Plan(String id, List<PlanStep> steps) {
    public Plan {
        Objects.requireNonNull(id, "plan id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("plan id must not be blank");
        }
        Objects.requireNonNull(steps, "steps of plan " + id);
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == null) {
                throw new IllegalArgumentException("step " + i + " of plan " + id + " is null");
            }
        }
        steps = List.copyOf(steps);
    }
}
