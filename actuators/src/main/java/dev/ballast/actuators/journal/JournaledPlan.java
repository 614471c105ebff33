package dev.ballast.actuators.journal;

import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PlanStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plan as the journal remembers it: its steps with their last recorded status, and how it ended (empty when the
 * process died before the end was written).
 */
public record JournaledPlan(Plan plan, Instant startedAt, List<StepOutcome> steps, Optional<String> ending) {
    public JournaledPlan {
        steps = List.copyOf(steps);
    }

    public boolean finished() {
        return ending.isPresent();
    }

    /** The steps that were running when the journal stops: their outcome is unknown. */
    public List<StepOutcome> interrupted() {
        return steps.stream().filter(s -> s.status() == StepStatus.RUNNING).toList();
    }

    static final class Builder {
        private final String planId;
        private final Instant startedAt;
        private final List<PlanStep> defined = new ArrayList<>();
        private final List<StepOutcome> outcomes = new ArrayList<>();
        private String ending;

        Builder(String planId, Instant startedAt) {
            this.planId = planId;
            this.startedAt = startedAt;
        }

        void define(int index, PlanStep step) {
            if (index != defined.size()) {
                throw new IllegalStateException("plan " + planId + " defines step " + index + " after " + defined.size() + " steps");
            }
            defined.add(step);
            outcomes.add(StepOutcome.notStarted(index, step));
        }

        void status(int index, StepStatus status, String message, Instant at) {
            if (index < 0 || index >= outcomes.size()) {
                throw new IllegalStateException("plan " + planId + " has no step " + index);
            }
            StepOutcome previous = outcomes.get(index);
            Instant started = previous.startedAt() != null ? previous.startedAt() : at;
            outcomes.set(index, new StepOutcome(index, previous.step(), status, message, started, status.isFinal() ? at : null));
        }

        void ended(String outcome) {
            ending = outcome;
        }

        JournaledPlan build() {
            return new JournaledPlan(new Plan(planId, defined), startedAt, outcomes, Optional.ofNullable(ending));
        }
    }
}
