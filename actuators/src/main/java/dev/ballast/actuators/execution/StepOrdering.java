package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PlanStep;

/**
 * When a later step must wait for an earlier one to finish before it starts. The plan's order makes every prefix
 * feasible with a moving VM's memory counted on both hosts; overlapping two migrations keeps that true unless the
 * later one needs room the earlier one frees (it moves into the earlier one's source) or both move the same VM.
 * Power steps are barriers: a host is powered off only once everything before is done, and powered on before
 * anything after relies on it.
 */
final class StepOrdering {
    private StepOrdering() {
    }

    static boolean mustWait(PlanStep earlier, PlanStep later) {
        if (earlier instanceof LiveMigrate a && later instanceof LiveMigrate b) {
            return a.vm().equals(b.vm()) || a.source().equals(b.target());
        }
        return true;
    }
}
