package dev.ballast.scheduler.plans;

import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;

import java.util.ArrayList;
import java.util.List;

/** A plan and its progress: the preview never changes; status and step outcomes move as the plan executes. */
public final class PlanRecord {
    private final PlanPreview preview;
    private final List<StepOutcome> outcomes;
    private PlanStatus status = PlanStatus.RECOMMENDED;
    private String message = "";

    PlanRecord(PlanPreview preview) {
        this.preview = preview;
        this.outcomes = new ArrayList<>();
        for (int i = 0; i < preview.plan().steps().size(); i++) {
            outcomes.add(new StepOutcome(i, preview.plan().steps().get(i), StepStatus.NOT_STARTED, "", null, null));
        }
    }

    public String id() {
        return preview.plan().id();
    }

    public PlanPreview preview() {
        return preview;
    }

    public synchronized PlanStatus status() {
        return status;
    }

    public synchronized String message() {
        return message;
    }

    public synchronized List<StepOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    synchronized void update(StepOutcome outcome) {
        outcomes.set(outcome.index(), outcome);
    }

    synchronized void moveTo(PlanStatus next, String why) {
        status = next;
        message = why;
    }
}
