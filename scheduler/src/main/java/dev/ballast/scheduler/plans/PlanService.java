package dev.ballast.scheduler.plans;

import dev.ballast.actuators.execution.ExecutionLimits;
import dev.ballast.actuators.execution.ExecutionReport;
import dev.ballast.actuators.execution.HypervisorDriver;
import dev.ballast.actuators.execution.PlanExecutor;
import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.journal.JournalReconciler;
import dev.ballast.actuators.journal.LineJournal;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.cluster.Demand;
import dev.ballast.scheduler.cluster.DemandReader;
import dev.ballast.scheduler.cluster.HostLoad;
import dev.ballast.scheduler.cluster.PlacementLoads;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.planning.PlacementPlanner;
import dev.ballast.scheduler.planning.PlacementProblemBuilder;
import dev.ballast.scheduler.planning.PlacementResult;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningHost;
import dev.ballast.scheduler.planning.PlanningRequest;
import dev.ballast.scheduler.planning.PlanningSettings;
import dev.ballast.scheduler.planning.VmPlacement;
import dev.ballast.scheduler.plans.PlanViews.AuditEntry;
import dev.ballast.scheduler.plans.PlanViews.PlanView;
import dev.ballast.scheduler.sequencing.HostRoom;
import dev.ballast.scheduler.sequencing.MigrationSequencer;
import dev.ballast.scheduler.sequencing.SequencedPlan;
import dev.ballast.scheduler.sequencing.SequencedStep;
import dev.ballast.scheduler.sequencing.VmLoad;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Plans and their lifecycle. A preview solves, sequences and explains on the cluster as observed, touching nothing.
 * Approval and execution re-validate the plan against the cluster first; a plan that no longer holds becomes
 * SUPERSEDED. Execution goes through the actuators' executor, whose pre- and post-conditions trust what the
 * hypervisors report, and which journals every step before acting. Every change is stored, streamed to subscribers
 * and, for people's actions, audited.
 * <p>
 * Only the cluster's leader acts (approves, executes, cancels, sweeps); with a shared store, any instance reads
 * plans from the store and previews. A new leader, like a restarted single instance, first {@link #recover}s.
 */
public final class PlanService {
    private final DemandReader demandReader;
    private final PlacementProblemBuilder problemBuilder;
    private final PlacementPlanner planner;
    private final MigrationSequencer sequencer;
    private final PlacementLoads placementLoads;
    private final HypervisorDriver driver;
    private final ExecutorService executions;
    private final Clock clock;
    private final PlanStore store;
    private final PlanLifecycle lifecycle;
    private final PlanRevalidation revalidation;
    private final MeterRegistry meters;
    private final LineJournal journal;
    private final Leadership leadership;
    private final boolean shared;
    private final dev.ballast.scheduler.planning.StandingRules standing;
    private final Map<String, PlanRecord> plans = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<PlanView>>> subscribers = new ConcurrentHashMap<>();
    private final AtomicReference<String> executing = new AtomicReference<>();
    private final AtomicReference<PlanExecutor> runningExecutor = new AtomicReference<>();
    private final Map<VmId, Instant> lastMoved = new ConcurrentHashMap<>();
    private final List<Consumer<StepOutcome>> stepListeners = new CopyOnWriteArrayList<>();

    public PlanService(DemandReader demandReader, PlacementProblemBuilder problemBuilder, PlacementPlanner planner,
                       MigrationSequencer sequencer, PlacementLoads placementLoads, HypervisorDriver driver,
                       ExecutorService executions, Clock clock, PlanStore store, PlanLifecycle lifecycle,
                       PlanningSettings settings, MeterRegistry meters, LineJournal journal, Leadership leadership, boolean shared,
                       dev.ballast.scheduler.planning.StandingRules standing) {
        this.demandReader = demandReader;
        this.problemBuilder = problemBuilder;
        this.planner = planner;
        this.sequencer = sequencer;
        this.placementLoads = placementLoads;
        this.driver = driver;
        this.executions = executions;
        this.clock = clock;
        this.store = store;
        this.lifecycle = lifecycle;
        this.revalidation = new PlanRevalidation(lifecycle, settings);
        this.meters = meters;
        this.journal = journal;
        this.leadership = leadership;
        this.shared = shared;
        this.standing = standing;
        if (!shared) {
            recover("the service stopped");
        }
    }

    /**
     * Run by a restarted instance and by a new leader before it acts: closes the plans the journal shows unfinished
     * (a step that was running is settled by the driver and judged on what the hypervisors report), then marks every
     * plan the store still shows EXECUTING as ended, with its steps as reconciled. Steps that had not started stay
     * NOT_STARTED: the world moved on, and the next plan starts from what the hypervisors report, so no finished step
     * runs twice. Returns the ids of the plans it closed.
     */
    public synchronized List<String> recover(String cause) {
        Map<String, ExecutionReport> reconciled = new java.util.HashMap<>();
        for (ExecutionReport report : new JournalReconciler(journal, driver, clock).reconcile()) {
            reconciled.put(report.planId(), report);
        }
        plans.clear();
        lastMoved.clear();
        List<String> closed = new ArrayList<>();
        Instant cooldownStart = clock.instant().minus(lifecycle.migrationCooldown());
        for (PlanViews.StoredPlan stored : store.loadPlans()) {
            PlanRecord record = PlanRecord.restore(stored);
            if (record.status() == PlanStatus.EXECUTING) {
                ExecutionReport report = reconciled.get(record.id());
                if (report == null) {
                    report = journal.plan(record.id()).map(p -> new ExecutionReport(p.plan().id(), p.steps())).orElse(null);
                }
                if (report != null && report.steps().size() == record.plan().steps().size()) {
                    report.steps().forEach(record::update);
                }
                long done = record.outcomes().stream().filter(o -> o.status() == StepStatus.SUCCEEDED || o.status() == StepStatus.SKIPPED).count();
                long failed = record.outcomes().stream().filter(o -> o.status() == StepStatus.FAILED).count();
                long notRun = record.outcomes().stream().filter(o -> o.status() == StepStatus.NOT_STARTED || o.status() == StepStatus.CANCELLED).count();
                boolean complete = done == record.plan().steps().size();
                record.moveTo(complete ? PlanStatus.SUCCEEDED : PlanStatus.FAILED, cause + " while this plan executed; reconciled from "
                        + "the journal and the hypervisors: " + done + " steps done, " + failed + " failed, " + notRun + " not run");
                store.save(record.stored(clock.instant()));
                closed.add(record.id());
            }
            for (StepOutcome o : record.outcomes()) {
                if (o.step() instanceof LiveMigrate m && o.status() == StepStatus.SUCCEEDED && o.finishedAt() != null
                        && o.finishedAt().isAfter(cooldownStart)) {
                    lastMoved.merge(m.vm(), o.finishedAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            if (!shared) {
                plans.put(record.id(), record);
            }
        }
        return closed;
    }

    /** This instance stops acting at once (its leadership is gone): the plan executing is aborted, nothing more starts. */
    public void stepDown() {
        PlanExecutor executor = runningExecutor.get();
        if (executor != null) {
            executor.abort();
        }
        if (shared) {
            plans.clear();
        }
    }

    public boolean acting() {
        return leadership.acting();
    }

    public java.util.Optional<AutopilotMemory> autopilotMemory() {
        return store.autopilotMemory();
    }

    public void remember(AutopilotMemory memory) {
        store.remember(memory);
    }

    public PlanRecord preview(Goal goal, Duration timeLimit) {
        return preview(PlanningRequest.of(goal), timeLimit, "system");
    }

    /** Plans for the request on the cluster as observed now; the cluster is only read. */
    public PlanRecord preview(PlanningRequest request, Duration timeLimit, String who) {
        Demand demand = demandReader.read();
        return preview(request, timeLimit, who, demand);
    }

    /** Plans for the request on a given observation of the cluster. */
    public PlanRecord preview(PlanningRequest request, Duration timeLimit, String who, Demand demand) {
        return preview(request, timeLimit, who, demand, Scenario.NONE);
    }

    /** A what-if: plans for the request on the observed cluster changed by the scenario; nothing is touched. */
    public PlanRecord preview(PlanningRequest request, Duration timeLimit, String who, Scenario scenario) {
        return preview(request, timeLimit, who, demandReader.read(), scenario);
    }

    private PlanRecord preview(PlanningRequest asked, Duration timeLimit, String who, Demand observed, Scenario scenario) {
        PlanningRequest request = standing.applyTo(asked);
        Goal goal = request.goal();
        Demand demand = scenario.apply(observed);
        ClusterSnapshot cluster = demand.cluster();
        Set<VmId> recent = new HashSet<>(request.recentlyMoved());
        recent.addAll(recentlyMoved());
        Set<HostId> evacuate = new HashSet<>(request.evacuate());
        evacuate.addAll(scenario.powerOff());
        PlanningRequest effective = new PlanningRequest(goal, request.weightOverrides(), request.pinned(), evacuate,
                request.affinityRules(), request.hostRules(), request.budget(), request.allowPowerOn(), request.spareHosts(), recent,
                request.policies());
        Set<VmId> newVms = scenario.newVmIds();
        PlacementSolution problem = problemBuilder.build(cluster, demand.forecast(), effective, newVms);
        List<HostRoom> rooms = rooms(problem);
        List<VmLoad> loads = loads(problem);
        Timer.Sample solving = Timer.start(meters);
        PlacementResult result = planner.solve(problem, timeLimit);
        solving.stop(meters.timer("ballast.solve.time", "goal", goal.name()));

        Set<HostId> powerOff = new HashSet<>(scenario.powerOff());
        if (goal == Goal.CONSOLIDATE) {
            powerOff.addAll(emptyOnHosts(cluster, result.target(), request.evacuate()));
        }
        Set<HostId> powerOn = wokenHosts(cluster, result.target());
        ClusterSnapshot today = observed.cluster();
        List<HostLoad> before = placementLoads.loads(today.hosts(), today.vms(), today.placement(), observed.forecast(), Set.of());
        List<HostLoad> after = placementLoads.loads(cluster.hosts(), cluster.vms(), result.target(), demand.forecast(), powerOff, powerOn);
        if (before.size() != after.size()) {
            // Added hosts: compare host by host over the larger list, added hosts starting empty.
            Set<HostId> added = new HashSet<>();
            scenario.addHosts().forEach(h -> added.add(h.id()));
            before = placementLoads.loads(cluster.hosts(), today.vms(), today.placement(), observed.forecast(), added);
        }
        // New VMs are created where the plan puts them: for sequencing they are there from the start.
        Map<VmId, HostId> start = new java.util.LinkedHashMap<>(cluster.placement());
        newVms.forEach(vm -> start.put(vm, result.target().get(vm)));
        SequencedPlan sequence = sequencer.sequence(rooms, loads, start, result.target(), powerOff,
                new GoalStepReasons(goal, before, after));

        String id = UUID.randomUUID().toString();
        PlanRecord record = new PlanRecord(id, goal, clock.instant(), cluster.takenAt(), new Plan(id, sequence.planSteps()),
                sequence.steps().stream().map(SequencedStep::wave).toList(),
                PlanReports.report(placementLoads.kpis(before), placementLoads.kpis(after), before, after, result, sequence),
                today.placement(), scenario.hypothetical());
        cache(record);
        store.create(record.stored(clock.instant()));
        meters.counter("ballast.plans.previewed", "goal", goal.name()).increment();
        return record;
    }

    /** A plan that only powers hosts on (the morning wake after a nightly consolidation). */
    public PlanRecord wake(Set<HostId> hosts, String reason, String who) {
        Demand demand = demandReader.read();
        ClusterSnapshot cluster = demand.cluster();
        List<HostId> sorted = hosts.stream().sorted().toList();
        String id = UUID.randomUUID().toString();
        List<dev.ballast.actuators.plan.PlanStep> steps = new ArrayList<>();
        sorted.forEach(h -> steps.add(new dev.ballast.actuators.plan.PowerOn(h, reason)));
        List<HostLoad> before = placementLoads.loads(cluster.hosts(), cluster.vms(), cluster.placement(), demand.forecast(), Set.of());
        List<HostLoad> after = placementLoads.loads(cluster.hosts(), cluster.vms(), cluster.placement(), demand.forecast(), Set.of(), Set.copyOf(sorted));
        PlanViews.ScoreView noScore = new PlanViews.ScoreView("n/a", "n/a", true, true, 0, List.of(), List.of());
        List<PlanViews.HostChange> changes = PlanReports.hostChanges(before, after);
        PlanRecord record = new PlanRecord(id, Goal.BALANCE, clock.instant(), cluster.takenAt(), new Plan(id, steps),
                steps.stream().map(x -> 0).toList(),
                new PlanViews.PlanReport(PlanReports.kpis(placementLoads.kpis(before)), PlanReports.kpis(placementLoads.kpis(after)),
                        changes, noScore, List.of()), cluster.placement(), false);
        cache(record);
        store.create(record.stored(clock.instant()));
        return record;
    }

    /** A shared store is the truth for instances that do not act; the acting one keeps what it touches. */
    private void cache(PlanRecord record) {
        if (!shared || leadership.acting()) {
            plans.put(record.id(), record);
        }
    }

    public void record(PlanViews.Decision decision) {
        store.append(decision);
    }

    public List<PlanViews.Decision> decisions(int newest) {
        return store.decisions(newest);
    }

    public PlanRecord get(String id) {
        PlanRecord record = plans.get(id);
        if (record != null) {
            return record;
        }
        if (!shared) {
            throw new PlanNotFoundException(id);
        }
        PlanRecord loaded = store.load(id).map(PlanRecord::restore).orElseThrow(() -> new PlanNotFoundException(id));
        if (!leadership.acting()) {
            return loaded;
        }
        PlanRecord earlier = plans.putIfAbsent(id, loaded);
        return earlier == null ? loaded : earlier;
    }

    public Collection<PlanRecord> all() {
        sweep();
        List<PlanRecord> all = new ArrayList<>();
        if (shared) {
            for (PlanViews.StoredPlan stored : store.loadPlans()) {
                PlanRecord mine = plans.get(stored.view().id());
                all.add(mine != null ? mine : PlanRecord.restore(stored));
            }
        } else {
            all.addAll(plans.values());
        }
        all.sort(Comparator.comparing(PlanRecord::createdAt).reversed());
        return all;
    }

    /** Marks pending plans older than their TTL as SUPERSEDED. */
    public void sweep() {
        if (!leadership.acting()) {
            return;
        }
        Instant now = clock.instant();
        Collection<PlanRecord> candidates = plans.values();
        if (shared) {
            candidates = new ArrayList<>();
            for (PlanViews.StoredPlan stored : store.loadPlans()) {
                if (PlanStatus.valueOf(stored.view().status()).isPending()) {
                    candidates.add(get(stored.view().id()));
                }
            }
        }
        for (PlanRecord r : candidates) {
            synchronized (r) {
                if (r.status().isPending() && r.createdAt().plus(lifecycle.ttl()).isBefore(now)) {
                    change(r, PlanStatus.SUPERSEDED, "older than its TTL of " + lifecycle.ttl());
                }
            }
        }
    }

    public PlanRecord approve(String id, String who) {
        requireActing("approve plan " + id);
        PlanRecord record = get(id);
        synchronized (record) {
            requirePending(record, "approved");
            revalidate(record);
            record.approvedBy(who);
            change(record, PlanStatus.APPROVED, "approved by " + who);
        }
        audit(who, "approve", id, "approved plan " + id);
        return record;
    }

    /** Starts executing a pending plan in the background after re-validating it; one plan executes at a time. */
    public PlanRecord execute(String id, String who) {
        requireActing("execute plan " + id);
        PlanRecord record = get(id);
        synchronized (record) {
            requirePending(record, "executed");
            revalidate(record);
            if (!executing.compareAndSet(null, id)) {
                throw new PlanConflictException("plan " + executing.get() + " is executing; plan " + id + " must wait until it ends");
            }
            if (record.status() == PlanStatus.RECOMMENDED) {
                record.approvedBy(who);
            }
            record.executedBy(who);
            change(record, PlanStatus.EXECUTING, "executing");
        }
        audit(who, "execute", id, "started plan " + id + " with " + record.plan().steps().size() + " steps");
        executions.submit(() -> run(record));
        return record;
    }

    public PlanRecord cancel(String id, String who) {
        requireActing("cancel plan " + id);
        PlanRecord record = get(id);
        synchronized (record) {
            if (record.status().isPending()) {
                change(record, PlanStatus.CANCELLED, "cancelled by " + who + " before it ran");
            } else if (record.status() == PlanStatus.EXECUTING) {
                PlanExecutor executor = runningExecutor.get();
                if (executor != null) {
                    executor.cancel();
                }
            } else {
                throw new PlanConflictException("plan " + id + " is " + record.status() + " and cannot be cancelled");
            }
        }
        audit(who, "cancel", id, "cancelled plan " + id);
        return record;
    }

    public List<AuditEntry> audit(int newest) {
        return store.audit(newest);
    }

    /**
     * Calls the consumer with the plan's view now and at every change, until the plan is final. An instance that
     * does not act hears of the leader's changes through the shared store, which it reads every half second.
     */
    public Runnable subscribe(String id, Consumer<PlanView> consumer) {
        if (shared && !leadership.acting()) {
            return follow(id, consumer);
        }
        PlanRecord record = get(id);
        List<Consumer<PlanView>> list = subscribers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        list.add(consumer);
        consumer.accept(record.view());
        return () -> list.remove(consumer);
    }

    private Runnable follow(String id, Consumer<PlanView> consumer) {
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        PlanView first = get(id).view();
        consumer.accept(first);
        if (PlanStatus.valueOf(first.status()).isFinal()) {
            return () -> stopped.set(true);
        }
        Thread.ofVirtual().name("follow-plan-" + id).start(() -> {
            PlanView last = first;
            while (!stopped.get()) {
                try {
                    Thread.sleep(500);
                    PlanView now = get(id).view();
                    if (!now.equals(last)) {
                        last = now;
                        consumer.accept(now);
                        if (PlanStatus.valueOf(now.status()).isFinal()) {
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the store out of reach for a moment: try again at the next turn
                }
            }
        });
        return () -> stopped.set(true);
    }

    /** VMs whose last migration ended within the cooldown. */
    public Set<VmId> recentlyMoved() {
        Instant since = clock.instant().minus(lifecycle.migrationCooldown());
        Set<VmId> recent = new HashSet<>();
        lastMoved.forEach((vm, at) -> {
            if (at.isAfter(since)) {
                recent.add(vm);
            }
        });
        return recent;
    }

    /** Migrations that finished since the given instant (for the autopilot's hourly budget). */
    public long migrationsSince(Instant since) {
        return lastMoved.values().stream().filter(at -> at.isAfter(since)).count();
    }

    public Optional<String> executingPlan() {
        return Optional.ofNullable(executing.get());
    }

    private void requireActing(String what) {
        if (!leadership.acting()) {
            throw new NotLeaderException("this instance does not lead its cluster now, so it cannot " + what
                    + "; send the request to the leader (any instance forwards it when one is known)");
        }
    }

    private void revalidate(PlanRecord record) {
        Optional<String> problem = revalidation.check(record, demandReader.read(), clock.instant());
        if (problem.isPresent()) {
            change(record, PlanStatus.SUPERSEDED, "re-validation failed: " + problem.get());
            throw new PlanConflictException("plan " + record.id() + " is SUPERSEDED: " + problem.get());
        }
    }

    private static void requirePending(PlanRecord record, String verb) {
        if (record.whatIf()) {
            throw new PlanConflictException("plan " + record.id() + " is a what-if preview of a changed cluster (added or removed "
                    + "hosts or VMs, or scaled demand) and cannot be " + verb);
        }
        if (!record.status().isPending()) {
            throw new PlanConflictException("plan " + record.id() + " is " + record.status() + "; only a RECOMMENDED or APPROVED plan can be " + verb);
        }
    }

    private void run(PlanRecord record) {
        try {
            PlanExecutor executor = new PlanExecutor(driver, ExecutionLimits.defaults(), journal, clock);
            runningExecutor.set(executor);
            ExecutionReport report = executor.execute(record.plan(), outcome -> track(record, outcome));
            if (report.succeeded()) {
                change(record, PlanStatus.SUCCEEDED, "all steps done or skipped");
            } else {
                String failed = report.steps().stream().filter(s -> s.status() == StepStatus.FAILED)
                        .map(s -> "step " + s.index() + ": " + s.message()).findFirst().orElse("stopped");
                boolean cancelled = report.steps().stream().anyMatch(s -> s.status() == StepStatus.CANCELLED);
                change(record, cancelled ? PlanStatus.CANCELLED : PlanStatus.FAILED, cancelled ? "cancelled while executing" : failed);
            }
        } catch (RuntimeException e) {
            change(record, PlanStatus.FAILED, "executor error: " + e.getMessage());
        } finally {
            runningExecutor.set(null);
            executing.set(null);
            meters.counter("ballast.plans.finished", "status", record.status().name()).increment();
        }
    }

    /** Hears every step transition of every plan this service executes (dashboards record migrations with it). */
    public void onStep(Consumer<StepOutcome> listener) {
        stepListeners.add(listener);
    }

    private void track(PlanRecord record, StepOutcome outcome) {
        record.update(outcome);
        stepListeners.forEach(l -> l.accept(outcome));
        if (outcome.step() instanceof LiveMigrate m && (outcome.status() == StepStatus.SUCCEEDED || outcome.status() == StepStatus.FAILED)) {
            meters.counter("ballast.migrations", "status", outcome.status().name()).increment();
            if (outcome.status() == StepStatus.SUCCEEDED) {
                lastMoved.put(m.vm(), clock.instant());
            }
        }
        store.save(record.stored(clock.instant()));
        publish(record);
    }

    private void change(PlanRecord record, PlanStatus status, String why) {
        record.moveTo(status, why);
        store.save(record.stored(clock.instant()));
        publish(record);
    }

    private void publish(PlanRecord record) {
        List<Consumer<PlanView>> list = subscribers.get(record.id());
        if (list == null || list.isEmpty()) {
            return;
        }
        PlanView view = record.view();
        list.forEach(c -> c.accept(view));
        if (record.status().isFinal()) {
            subscribers.remove(record.id());
        }
    }

    public void audit(String who, String action, String planId, String detail) {
        store.append(new AuditEntry(clock.instant(), who, action, planId, detail));
    }

    /**
     * Hosts that are on and hold nothing in the target: consolidation powers them off (never hosts being evacuated:
     * the operator takes those). Spare capacity is kept on the hosts in use by the spare-capacity constraint.
     */
    private static Set<HostId> emptyOnHosts(ClusterSnapshot cluster, Map<VmId, HostId> target, Set<HostId> evacuated) {
        Set<HostId> used = new HashSet<>(target.values());
        List<HostId> empty = new ArrayList<>();
        for (Host h : cluster.hosts()) {
            if (h.state() == HostState.ON && !used.contains(h.id()) && !evacuated.contains(h.id())) {
                empty.add(h.id());
            }
        }
        return new HashSet<>(empty);
    }

    private static Set<HostId> wokenHosts(ClusterSnapshot cluster, Map<VmId, HostId> target) {
        Set<HostId> used = new HashSet<>(target.values());
        Set<HostId> woken = new HashSet<>();
        for (Host h : cluster.hosts()) {
            if (h.state() == HostState.OFF && used.contains(h.id())) {
                woken.add(h.id());
            }
        }
        return woken;
    }

    private static List<HostRoom> rooms(PlacementSolution problem) {
        List<HostRoom> rooms = new ArrayList<>();
        for (PlanningHost h : problem.getHosts()) {
            rooms.add(new HostRoom(h.hostId(), h.getState(), h.getCpuLimit(), h.getMemoryLimit()));
        }
        return rooms;
    }

    private static List<VmLoad> loads(PlacementSolution problem) {
        List<VmLoad> loads = new ArrayList<>();
        for (VmPlacement p : problem.getPlacements()) {
            loads.add(new VmLoad(p.vmId(), p.getCpuDemand(), p.getMemory()));
        }
        return loads;
    }
}
