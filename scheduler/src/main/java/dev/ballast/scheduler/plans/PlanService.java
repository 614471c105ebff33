package dev.ballast.scheduler.plans;

import dev.ballast.actuators.execution.ExecutionReport;
import dev.ballast.actuators.execution.HypervisorDriver;
import dev.ballast.actuators.execution.PlanExecutor;
import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Vm;
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
import dev.ballast.scheduler.planning.VmPlacement;
import dev.ballast.scheduler.sequencing.HostRoom;
import dev.ballast.scheduler.sequencing.MigrationSequencer;
import dev.ballast.scheduler.sequencing.SequencedPlan;
import dev.ballast.scheduler.sequencing.VmLoad;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Previews plans (solve, sequence, explain) and executes them through the actuators. A preview only reads the
 * cluster; execution goes through the hypervisor driver, whose pre- and post-conditions trust what the
 * hypervisors report, not the plan.
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
    private final Map<String, PlanRecord> plans = new ConcurrentHashMap<>();
    private final AtomicReference<String> executing = new AtomicReference<>();
    private final Map<VmId, Instant> lastMoved = new ConcurrentHashMap<>();
    private final Duration cooldown;

    public PlanService(DemandReader demandReader, PlacementProblemBuilder problemBuilder, PlacementPlanner planner,
                       MigrationSequencer sequencer, PlacementLoads placementLoads, HypervisorDriver driver,
                       ExecutorService executions, Clock clock, Duration cooldown) {
        this.cooldown = cooldown;
        this.demandReader = demandReader;
        this.problemBuilder = problemBuilder;
        this.planner = planner;
        this.sequencer = sequencer;
        this.placementLoads = placementLoads;
        this.driver = driver;
        this.executions = executions;
        this.clock = clock;
    }

    public PlanRecord preview(Goal goal, Duration timeLimit) {
        return preview(PlanningRequest.of(goal), timeLimit);
    }

    /** Plans for the request on the cluster as observed now; the cluster is only read. */
    public PlanRecord preview(PlanningRequest request, Duration timeLimit) {
        Goal goal = request.goal();
        Demand demand = demandReader.read();
        ClusterSnapshot cluster = demand.cluster();
        Set<VmId> recent = new HashSet<>(request.recentlyMoved());
        recent.addAll(recentlyMoved());
        PlacementSolution problem = problemBuilder.build(cluster, demand.forecast(), request.withRecentlyMoved(recent));
        List<HostRoom> rooms = rooms(problem);
        List<VmLoad> loads = loads(problem);
        PlacementResult result = planner.solve(problem, timeLimit);

        Set<HostId> powerOff = goal == Goal.CONSOLIDATE ? emptyOnHosts(cluster, result.target(), request.evacuate()) : Set.of();
        Set<HostId> powerOn = wokenHosts(cluster, result.target());
        List<HostLoad> before = placementLoads.loads(cluster.hosts(), cluster.vms(), cluster.placement(), demand.forecast(), Set.of());
        List<HostLoad> after = placementLoads.loads(cluster.hosts(), cluster.vms(), result.target(), demand.forecast(), powerOff, powerOn);
        SequencedPlan sequence = sequencer.sequence(rooms, loads, cluster.placement(), result.target(), powerOff,
                new GoalStepReasons(goal, before, after));

        Plan plan = new Plan(UUID.randomUUID().toString(), sequence.planSteps());
        PlanPreview preview = new PlanPreview(plan, goal, clock.instant(), placementLoads.kpis(before), placementLoads.kpis(after),
                before, after, sequence, result);
        PlanRecord record = new PlanRecord(preview);
        plans.put(record.id(), record);
        return record;
    }

    public PlanRecord get(String id) {
        PlanRecord record = plans.get(id);
        if (record == null) {
            throw new PlanNotFoundException(id);
        }
        return record;
    }

    public Collection<PlanRecord> all() {
        return List.copyOf(plans.values());
    }

    /** Starts executing a recommended plan in the background; one plan executes at a time. */
    public PlanRecord execute(String id) {
        PlanRecord record = get(id);
        synchronized (record) {
            if (record.status() != PlanStatus.RECOMMENDED) {
                throw new PlanConflictException("plan " + id + " is " + record.status() + "; only a RECOMMENDED plan can execute");
            }
            if (!executing.compareAndSet(null, id)) {
                throw new PlanConflictException("plan " + executing.get() + " is executing; plan " + id + " must wait until it ends");
            }
            record.moveTo(PlanStatus.EXECUTING, "");
        }
        executions.submit(() -> run(record));
        return record;
    }

    private void run(PlanRecord record) {
        try {
            ExecutionReport report = new PlanExecutor(driver).execute(record.preview().plan(), outcome -> track(record, outcome));
            if (report.succeeded()) {
                record.moveTo(PlanStatus.SUCCEEDED, "all steps done or skipped");
            } else {
                String failed = report.steps().stream().filter(s -> s.status() == StepStatus.FAILED)
                        .map(s -> "step " + s.index() + ": " + s.message()).findFirst().orElse("stopped");
                boolean cancelled = report.steps().stream().anyMatch(s -> s.status() == StepStatus.CANCELLED);
                record.moveTo(cancelled ? PlanStatus.CANCELLED : PlanStatus.FAILED, failed);
            }
        } catch (RuntimeException e) {
            record.moveTo(PlanStatus.FAILED, "executor error: " + e.getMessage());
        } finally {
            executing.set(null);
        }
    }

    /** Hosts that are on and hold nothing in the target: consolidation powers them off (not those being evacuated). */
    private static Set<HostId> emptyOnHosts(ClusterSnapshot cluster, Map<VmId, HostId> target, Set<HostId> evacuated) {
        Set<HostId> used = new HashSet<>(target.values());
        Set<HostId> empty = new HashSet<>();
        for (Host h : cluster.hosts()) {
            if (h.state() == HostState.ON && !used.contains(h.id()) && !evacuated.contains(h.id())) {
                empty.add(h.id());
            }
        }
        return empty;
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

    /** VMs whose last migration ended within the cooldown. */
    private Set<VmId> recentlyMoved() {
        Instant since = clock.instant().minus(cooldown);
        Set<VmId> recent = new HashSet<>();
        lastMoved.forEach((vm, at) -> {
            if (at.isAfter(since)) {
                recent.add(vm);
            }
        });
        return recent;
    }

    private void track(PlanRecord record, StepOutcome outcome) {
        record.update(outcome);
        if (outcome.status() == StepStatus.SUCCEEDED && outcome.step() instanceof LiveMigrate m) {
            lastMoved.put(m.vm(), outcome.finishedAt() == null ? clock.instant() : outcome.finishedAt());
        }
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
