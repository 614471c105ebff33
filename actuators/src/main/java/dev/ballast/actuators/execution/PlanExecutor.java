package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a plan's steps in order against a hypervisor driver. Before each step it checks the pre-condition on what
 * the hypervisors report (skip when there is nothing to do, fail when it cannot be done), after it verifies the
 * outcome the same way. A failed step stops the plan: later steps stay NOT_STARTED. {@link #cancel()} stops before
 * the next step.
 */
public final class PlanExecutor {
    private static final System.Logger LOG = System.getLogger(PlanExecutor.class.getName());

    private final HypervisorDriver driver;
    private final Clock clock;
    private volatile boolean cancelRequested;
    private volatile boolean running;

    public PlanExecutor(HypervisorDriver driver) {
        this(driver, Clock.systemUTC());
    }

    public PlanExecutor(HypervisorDriver driver, Clock clock) {
        this.driver = Objects.requireNonNull(driver, "hypervisor driver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Asks the execution in progress to start no further step; the step under way finishes. Returns false when no
     * execution was in progress (nothing is remembered for a later one).
     */
    public boolean cancel() {
        if (!running) {
            return false;
        }
        cancelRequested = true;
        return true;
    }

    public synchronized ExecutionReport execute(Plan plan, ExecutionListener listener) {
        Objects.requireNonNull(plan, "plan");
        ExecutionListener tell = listener == null ? ExecutionListener.NONE : listener;
        List<StepOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            outcomes.add(StepOutcome.notStarted(i, plan.steps().get(i)));
        }
        cancelRequested = false;
        running = true;
        try {
            for (int i = 0; i < outcomes.size(); i++) {
                if (cancelRequested) {
                    for (int j = i; j < outcomes.size(); j++) {
                        outcomes.set(j, publish(tell, outcomes.get(j).finish(StepStatus.CANCELLED, "plan " + plan.id() + " was cancelled", clock.instant())));
                    }
                    break;
                }
                StepOutcome done = run(outcomes.get(i), tell);
                outcomes.set(i, done);
                if (done.status() == StepStatus.FAILED) {
                    break;
                }
            }
        } finally {
            running = false;
            cancelRequested = false;
        }
        return new ExecutionReport(plan.id(), outcomes);
    }

    private StepOutcome run(StepOutcome pending, ExecutionListener tell) {
        PlanStep step = pending.step();
        Verdict before;
        try {
            before = StepConditions.before(step, driver.observe());
        } catch (RuntimeException e) {
            return publish(tell, pending.finish(StepStatus.FAILED, "could not observe the cluster before " + step.describe() + ": " + e.getMessage(), clock.instant()));
        }
        switch (before.kind()) {
            case SKIP -> {
                return publish(tell, pending.finish(StepStatus.SKIPPED, before.message(), clock.instant()));
            }
            case FAIL -> {
                return publish(tell, pending.finish(StepStatus.FAILED, before.message(), clock.instant()));
            }
            case PROCEED -> { }
        }
        StepOutcome running = publish(tell, pending.running(clock.instant(), step.describe()));
        String actionError = null;
        try {
            act(step);
        } catch (RuntimeException e) {
            actionError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        Verdict after;
        try {
            after = StepConditions.after(step, driver.observe());
        } catch (RuntimeException e) {
            after = Verdict.fail("could not observe the cluster after the step: " + e.getMessage());
        }
        if (actionError != null) {
            String state = after.kind() == Verdict.Kind.PROCEED ? "yet " + after.message() : "now " + after.message();
            return publish(tell, running.finish(StepStatus.FAILED, step.describe() + " failed: " + actionError + "; " + state, clock.instant()));
        }
        return after.kind() == Verdict.Kind.PROCEED
                ? publish(tell, running.finish(StepStatus.SUCCEEDED, after.message(), clock.instant()))
                : publish(tell, running.finish(StepStatus.FAILED, "post-condition of " + step.describe() + " failed: " + after.message(), clock.instant()));
    }

    private void act(PlanStep step) {
        switch (step) {
            case LiveMigrate m -> driver.migrate(m);
            case PowerOn on -> driver.powerOn(on.host());
            case PowerOff off -> driver.powerOff(off.host());
        }
    }

    private static StepOutcome publish(ExecutionListener tell, StepOutcome outcome) {
        try {
            tell.onStep(outcome);
        } catch (RuntimeException e) {
            // a listener's bug must not leave the cluster half-moved: log it and go on
            LOG.log(System.Logger.Level.WARNING, "execution listener failed on step " + outcome.index(), e);
        }
        return outcome;
    }
}
