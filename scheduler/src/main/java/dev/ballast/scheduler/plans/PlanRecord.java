package dev.ballast.scheduler.plans;

import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.plans.PlanViews.PlanReport;
import dev.ballast.scheduler.plans.PlanViews.PlanView;
import dev.ballast.scheduler.plans.PlanViews.StepView;
import dev.ballast.scheduler.plans.PlanViews.StoredPlan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan and its life: the steps and the preview's report never change; status, approver, executor and step
 * outcomes move as the plan is approved and executed. It can be rebuilt from what the store keeps.
 */
public final class PlanRecord {
    private final String id;
    private final Goal goal;
    private final Instant createdAt;
    private final Instant observedAt;
    private final Plan plan;
    private final List<Integer> waves;
    private final PlanReport report;
    private final Map<VmId, HostId> basis;
    private final List<StepOutcome> outcomes;
    private PlanStatus status;
    private String message;
    private String approvedBy;
    private String executedBy;

    PlanRecord(String id, Goal goal, Instant createdAt, Instant observedAt, Plan plan, List<Integer> waves, PlanReport report,
               Map<VmId, HostId> basis) {
        this.id = id;
        this.goal = goal;
        this.createdAt = createdAt;
        this.observedAt = observedAt;
        this.plan = plan;
        this.waves = List.copyOf(waves);
        this.report = report;
        this.basis = Map.copyOf(basis);
        this.outcomes = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            outcomes.add(new StepOutcome(i, plan.steps().get(i), StepStatus.NOT_STARTED, "", null, null));
        }
        this.status = PlanStatus.RECOMMENDED;
        this.message = "";
    }

    /** Rebuilds a plan from the store. */
    static PlanRecord restore(StoredPlan stored) {
        PlanView v = stored.view();
        List<PlanStep> steps = new ArrayList<>();
        List<Integer> waves = new ArrayList<>();
        for (StepView s : v.steps()) {
            steps.add(switch (s.type()) {
                case "LIVE_MIGRATE" -> new LiveMigrate(VmId.of(s.vm()), HostId.of(s.source()), HostId.of(s.target()),
                        s.memoryMib() == null ? 0 : s.memoryMib(), s.reason());
                case "POWER_ON" -> new PowerOn(HostId.of(s.host()), s.reason());
                case "POWER_OFF" -> new PowerOff(HostId.of(s.host()), s.reason());
                default -> throw new IllegalStateException("plan " + v.id() + " has a step of unknown type " + s.type());
            });
            waves.add(s.wave());
        }
        Map<VmId, HostId> basis = new LinkedHashMap<>();
        stored.basis().forEach((vm, host) -> basis.put(VmId.of(vm), HostId.of(host)));
        PlanRecord r = new PlanRecord(v.id(), Goal.parse(v.goal()), v.createdAt(), stored.observedAt(), new Plan(v.id(), steps), waves,
                new PlanReport(v.before(), v.after(), v.hosts(), v.score(), v.unresolved()), basis);
        for (StepView s : v.steps()) {
            r.outcomes.set(s.index(), new StepOutcome(s.index(), steps.get(s.index()), StepStatus.valueOf(s.status()), s.message(),
                    s.startedAt(), s.finishedAt()));
        }
        r.status = PlanStatus.valueOf(v.status());
        r.message = v.message();
        r.approvedBy = v.approvedBy();
        r.executedBy = v.executedBy();
        return r;
    }

    public String id() {
        return id;
    }

    public Goal goal() {
        return goal;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant observedAt() {
        return observedAt;
    }

    public Plan plan() {
        return plan;
    }

    public PlanReport report() {
        return report;
    }

    public Map<VmId, HostId> basis() {
        return basis;
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

    synchronized void approvedBy(String who) {
        approvedBy = who;
    }

    synchronized void executedBy(String who) {
        executedBy = who;
    }

    public synchronized PlanView view() {
        List<StepView> steps = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            steps.add(step(i, waves.get(i), outcomes.get(i)));
        }
        int migrations = (int) plan.steps().stream().filter(s -> s instanceof LiveMigrate).count();
        int waveCount = waves.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        return new PlanView(id, goal.name(), status.name(), message, createdAt, approvedBy, executedBy, report.before(),
                report.after(), migrations, waveCount, steps, report.unresolved(), report.score(), report.hosts());
    }

    synchronized StoredPlan stored(Instant now) {
        Map<String, String> b = new LinkedHashMap<>();
        basis.forEach((vm, host) -> b.put(vm.value(), host.value()));
        return new StoredPlan(view(), b, observedAt, now);
    }

    private static StepView step(int index, int wave, StepOutcome outcome) {
        PlanStep step = outcome.step();
        String status = outcome.status().name();
        return switch (step) {
            case LiveMigrate m -> new StepView(index, wave, "LIVE_MIGRATE", m.vm().value(), m.source().value(),
                    m.target().value(), null, m.memoryMib(), m.describe(), m.reason(), status, outcome.message(),
                    outcome.startedAt(), outcome.finishedAt());
            case PowerOn on -> new StepView(index, wave, "POWER_ON", null, null, null, on.host().value(), null,
                    on.describe(), on.reason(), status, outcome.message(), outcome.startedAt(), outcome.finishedAt());
            case PowerOff off -> new StepView(index, wave, "POWER_OFF", null, null, null, off.host().value(), null,
                    off.describe(), off.reason(), status, outcome.message(), outcome.startedAt(), outcome.finishedAt());
        };
    }
}
