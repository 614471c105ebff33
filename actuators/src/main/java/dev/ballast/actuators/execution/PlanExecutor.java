package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a plan's steps against a hypervisor driver. Steps start in plan order; a step may overlap earlier ones
 * when the {@link ExecutionLimits} allow it and it does not depend on them ({@link StepOrdering}). Before each
 * step the pre-condition is checked on what the hypervisors report (skip when there is nothing to do, fail when it
 * cannot be done); after it the outcome is verified the same way. A step that outlives its timeout is interrupted,
 * which makes the driver abort it. A failed step stops the plan: steps in flight finish, later ones stay
 * NOT_STARTED. {@link #cancel()} stops before the next step (the rest are CANCELLED). Every transition is written
 * to the journal before the listener hears of it; listener calls never overlap.
 */
public final class PlanExecutor {
    private static final System.Logger LOG = System.getLogger(PlanExecutor.class.getName());
    /** How long a step may take to wind down after its timeout interrupted it. */
    private static final Duration ABORT_GRACE = Duration.ofMinutes(2);

    private final HypervisorDriver driver;
    private final ExecutionLimits limits;
    private final ExecutionJournal journal;
    private final Clock clock;
    private final AtomicReference<Run> current = new AtomicReference<>();

    public PlanExecutor(HypervisorDriver driver) {
        this(driver, ExecutionLimits.defaults(), ExecutionJournal.NONE, Clock.systemUTC());
    }

    public PlanExecutor(HypervisorDriver driver, ExecutionLimits limits, ExecutionJournal journal, Clock clock) {
        this.driver = Objects.requireNonNull(driver, "hypervisor driver");
        this.limits = Objects.requireNonNull(limits, "execution limits");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ExecutionLimits limits() {
        return limits;
    }

    /**
     * Asks the execution in progress to start no further step; steps under way finish. Returns false when no
     * execution was in progress (nothing is remembered for a later one).
     */
    public boolean cancel() {
        Run run = current.get();
        if (run == null) {
            return false;
        }
        run.cancel();
        return true;
    }

    /**
     * Stops now: no further step starts, and the actions under way are interrupted, which makes the driver abort
     * them (a migration is rolled back to its source). For a scheduler that must stop acting at once, such as a
     * leader that lost its lease. Returns false when no execution was in progress.
     */
    public boolean abort() {
        Run run = current.get();
        if (run == null) {
            return false;
        }
        run.abort();
        return true;
    }

    /** Runs the plan to its end (or its first failure, or cancellation) and returns the state of every step. */
    public synchronized ExecutionReport execute(Plan plan, ExecutionListener listener) {
        Objects.requireNonNull(plan, "plan");
        Run run = new Run(plan, listener == null ? ExecutionListener.NONE : listener);
        journal.planStarted(plan, clock.instant());
        current.set(run);
        ExecutionReport report;
        try {
            report = run.go();
        } finally {
            current.set(null);
        }
        journal.planFinished(report, clock.instant());
        return report;
    }

    /** One execution of one plan: the in-flight bookkeeping under one lock, each step on its own virtual thread. */
    private final class Run {
        private final Plan plan;
        private final ExecutionListener listener;
        private final StepOutcome[] outcomes;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Object publishing = new Object();
        private final ConcurrencyBudget budget = new ConcurrencyBudget(limits);
        private final Set<Integer> inFlight = new HashSet<>();
        private final Set<Thread> actions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile boolean aborted;
        private boolean cancelRequested;
        private boolean failed;

        Run(Plan plan, ExecutionListener listener) {
            this.plan = plan;
            this.listener = listener;
            this.outcomes = new StepOutcome[plan.steps().size()];
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = StepOutcome.notStarted(i, plan.steps().get(i));
            }
        }

        void cancel() {
            lock.lock();
            try {
                cancelRequested = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void abort() {
            aborted = true;
            cancel();
            actions.forEach(Thread::interrupt);
        }

        ExecutionReport go() {
            int next = 0;
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                lock.lock();
                try {
                    while (true) {
                        boolean stopping = failed || cancelRequested;
                        if (!stopping && next < outcomes.length && canStart(next) && budget.tryAcquire(plan.steps().get(next))) {
                            int index = next++;
                            inFlight.add(index);
                            threads.submit(() -> runStep(index));
                            continue;
                        }
                        if (inFlight.isEmpty() && (stopping || next >= outcomes.length)) {
                            break;
                        }
                        changed.awaitUninterruptibly();
                    }
                    if (cancelRequested && !failed) {
                        for (int i = next; i < outcomes.length; i++) {
                            outcomes[i] = publish(outcomes[i].finish(StepStatus.CANCELLED, "plan " + plan.id() + " was cancelled", clock.instant()));
                        }
                    }
                } finally {
                    lock.unlock();
                }
            }
            return new ExecutionReport(plan.id(), Arrays.asList(outcomes));
        }

        private boolean canStart(int index) {
            PlanStep step = plan.steps().get(index);
            for (int earlier : inFlight) {
                if (StepOrdering.mustWait(plan.steps().get(earlier), step)) {
                    return false;
                }
            }
            return true;
        }

        private void runStep(int index) {
            StepOutcome result;
            try {
                result = attempt(outcomes[index]);
            } catch (RuntimeException e) {
                // a journal that cannot be written, or a bug: the step ends FAILED so the plan stops
                result = outcomes[index].finish(StepStatus.FAILED, "step " + index + " broke: " + e, clock.instant());
                try {
                    publish(result);
                } catch (RuntimeException again) {
                    LOG.log(System.Logger.Level.ERROR, "could not record the failure of step " + index + " of plan " + plan.id(), again);
                }
            }
            lock.lock();
            try {
                outcomes[index] = result;
                inFlight.remove(index);
                budget.release(result.step());
                if (result.status() == StepStatus.FAILED) {
                    failed = true;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private StepOutcome attempt(StepOutcome pending) {
            PlanStep step = pending.step();
            Verdict before;
            try {
                before = StepConditions.before(step, driver.observe());
            } catch (RuntimeException e) {
                return publish(pending.finish(StepStatus.FAILED, "could not observe the cluster before " + step.describe() + ": " + e.getMessage(), clock.instant()));
            }
            switch (before.kind()) {
                case SKIP -> {
                    return publish(pending.finish(StepStatus.SKIPPED, before.message(), clock.instant()));
                }
                case FAIL -> {
                    return publish(pending.finish(StepStatus.FAILED, before.message(), clock.instant()));
                }
                case PROCEED -> { }
            }
            StepOutcome running = publish(pending.running(clock.instant(), step.describe()));
            String actionError = actWithin(step, step instanceof LiveMigrate ? limits.migrationTimeout() : limits.powerTimeout());
            Verdict after;
            try {
                after = StepConditions.after(step, driver.observe());
            } catch (RuntimeException e) {
                after = Verdict.fail("could not observe the cluster after the step: " + e.getMessage());
            }
            if (actionError != null) {
                String state = after.kind() == Verdict.Kind.PROCEED ? "yet " + after.message() : "now " + after.message();
                return publish(running.finish(StepStatus.FAILED, step.describe() + " failed: " + actionError + "; " + state, clock.instant()));
            }
            return after.kind() == Verdict.Kind.PROCEED
                    ? publish(running.finish(StepStatus.SUCCEEDED, after.message(), clock.instant()))
                    : publish(running.finish(StepStatus.FAILED, "post-condition of " + step.describe() + " failed: " + after.message(), clock.instant()));
        }

        /** Runs the action; returns null when it returned normally, else what went wrong. */
        private String actWithin(PlanStep step, Duration timeout) {
            AtomicReference<Throwable> error = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            Thread action = Thread.ofVirtual().name("step-" + step.describe()).unstarted(() -> {
                try {
                    act(step);
                } catch (Throwable e) {
                    error.set(e);
                } finally {
                    done.countDown();
                }
            });
            actions.add(action);
            action.start();
            if (aborted) {
                action.interrupt(); // abort() ran between the check for cancellation and this start
            }
            try {
                if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    action.interrupt();
                    boolean ended = done.await(ABORT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    return "timed out after " + timeout + (ended ? " and was aborted" : " and did not stop within " + ABORT_GRACE)
                            + (error.get() == null ? "" : " (" + message(error.get()) + ")");
                }
            } catch (InterruptedException e) {
                action.interrupt();
                Thread.currentThread().interrupt();
                return "interrupted";
            } finally {
                actions.remove(action);
            }
            if (aborted && error.get() != null) {
                return "aborted: " + message(error.get());
            }
            return error.get() == null ? null : message(error.get());
        }

        private void act(PlanStep step) {
            switch (step) {
                case LiveMigrate m -> driver.migrate(m);
                case PowerOn on -> driver.powerOn(on.host());
                case PowerOff off -> driver.powerOff(off.host());
            }
        }

        /** Journal first (it must be durable before anyone acts on the news), then the listener, one at a time. */
        private StepOutcome publish(StepOutcome outcome) {
            synchronized (publishing) {
                journal.stepChanged(plan.id(), outcome);
                try {
                    listener.onStep(outcome);
                } catch (RuntimeException e) {
                    // a listener's bug must not leave the cluster half-moved: log it and go on
                    LOG.log(System.Logger.Level.WARNING, "execution listener failed on step " + outcome.index() + " of plan " + plan.id(), e);
                }
            }
            return outcome;
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
