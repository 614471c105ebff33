package dev.ballast.scheduler.sequencing;

import dev.ballast.actuators.plan.PlanStep;

import java.util.List;

/** Ordered steps grouped in waves, and the moves that could not be sequenced, each with its reason. */
public record SequencedPlan(List<SequencedStep> steps, List<String> unresolved) {
    public SequencedPlan {
        steps = List.copyOf(steps);
        unresolved = List.copyOf(unresolved);
    }

    public List<PlanStep> planSteps() {
        return steps.stream().map(SequencedStep::step).toList();
    }

    public int waves() {
        return steps.stream().mapToInt(SequencedStep::wave).max().orElse(-1) + 1;
    }
}
