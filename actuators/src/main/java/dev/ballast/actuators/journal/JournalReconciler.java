package dev.ballast.actuators.journal;

import dev.ballast.actuators.execution.ExecutionReport;
import dev.ballast.actuators.execution.HypervisorDriver;
import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Vm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Run at start-up: closes every plan the journal shows unfinished (the process died while executing it). A step
 * that was running is first settled by the driver (an interrupted migration completed or aborted, nothing left
 * paused), then judged on what the hypervisors report, and its outcome is written to the journal. Steps that had
 * not started are left NOT_STARTED: the world moved on, the scheduler plans again rather than replaying them, so
 * a finished migration is never repeated.
 */
public final class JournalReconciler {
    private final LineJournal journal;
    private final HypervisorDriver driver;
    private final Clock clock;

    public JournalReconciler(LineJournal journal, HypervisorDriver driver, Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.driver = Objects.requireNonNull(driver, "hypervisor driver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The reconciled plans, each with the final state of its steps (empty when nothing was left unfinished). */
    public List<ExecutionReport> reconcile() {
        List<ExecutionReport> reports = new ArrayList<>();
        for (JournaledPlan plan : journal.read()) {
            if (plan.finished()) {
                continue;
            }
            List<StepOutcome> steps = new ArrayList<>(plan.steps());
            for (StepOutcome interrupted : plan.interrupted()) {
                if (interrupted.step() instanceof LiveMigrate m) {
                    driver.resolveInterrupted(m);
                }
                StepOutcome settled = judge(interrupted, driver.observe());
                journal.stepChanged(plan.plan().id(), settled);
                steps.set(settled.index(), settled);
            }
            journal.planReconciled(plan.plan().id(), clock.instant());
            reports.add(new ExecutionReport(plan.plan().id(), steps));
        }
        return reports;
    }

    private StepOutcome judge(StepOutcome interrupted, ClusterSnapshot now) {
        PlanStep step = interrupted.step();
        String prefix = "interrupted by a restart; reconciled: ";
        return switch (step) {
            case LiveMigrate m -> {
                Optional<Vm> vm = now.vm(m.vm());
                if (vm.isEmpty()) {
                    yield interrupted.finish(StepStatus.FAILED, prefix + "vm " + m.vm() + " is reported by no host", clock.instant());
                }
                HostId on = vm.get().host();
                yield on.equals(m.target())
                        ? interrupted.finish(StepStatus.SUCCEEDED, prefix + "the migration completed, vm " + m.vm() + " runs on " + on, clock.instant())
                        : interrupted.finish(StepStatus.FAILED, prefix + "the migration did not complete, vm " + m.vm() + " runs on " + on, clock.instant());
            }
            case PowerOn on -> hostReached(interrupted, now, on.host(), HostState.ON, prefix);
            case PowerOff off -> hostReached(interrupted, now, off.host(), HostState.OFF, prefix);
        };
    }

    private StepOutcome hostReached(StepOutcome interrupted, ClusterSnapshot now, HostId id, HostState wanted, String prefix) {
        Optional<Host> host = now.host(id);
        if (host.isEmpty()) {
            return interrupted.finish(StepStatus.FAILED, prefix + "host " + id + " is no longer reported", clock.instant());
        }
        return host.get().state() == wanted
                ? interrupted.finish(StepStatus.SUCCEEDED, prefix + "host " + id + " is " + wanted, clock.instant())
                : interrupted.finish(StepStatus.FAILED, prefix + "host " + id + " is " + host.get().state() + ", not " + wanted, clock.instant());
    }
}
