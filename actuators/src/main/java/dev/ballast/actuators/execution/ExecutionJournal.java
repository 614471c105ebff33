package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.Plan;

import java.time.Instant;

/** Where the executor records what it does, before and after every step, so a restart knows what was under way. */
public interface ExecutionJournal {
    ExecutionJournal NONE = new ExecutionJournal() {
        @Override
        public void planStarted(Plan plan, Instant at) {
        }

        @Override
        public void stepChanged(String planId, StepOutcome outcome) {
        }

        @Override
        public void planFinished(ExecutionReport report, Instant at) {
        }
    };

    /** Records the plan and its steps; throws when the record cannot be made durable (the plan must not start). */
    void planStarted(Plan plan, Instant at);

    /** Records one step transition; throws when it cannot be made durable. */
    void stepChanged(String planId, StepOutcome outcome);

    void planFinished(ExecutionReport report, Instant at);
}
