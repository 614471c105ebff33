package dev.ballast.scheduler.sequencing;

import dev.ballast.actuators.plan.PlanStep;

/** A plan step and the wave it belongs to: the steps of one wave may run at the same time. */
public record SequencedStep(int wave, PlanStep step) {
}
