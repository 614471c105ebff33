package dev.ballast.scheduler.autopilot;

import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.predictors.hotspot.SpotKind;
import dev.ballast.scheduler.cluster.Demand;
import dev.ballast.scheduler.cluster.DemandReader;
import dev.ballast.scheduler.cluster.HostLoad;
import dev.ballast.scheduler.cluster.PlacementLoads;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.planning.MigrationBudget;
import dev.ballast.scheduler.planning.PlanningRequest;
import dev.ballast.scheduler.plans.AutopilotMemory;
import dev.ballast.scheduler.plans.NotLeaderException;
import dev.ballast.scheduler.plans.PlanConflictException;
import dev.ballast.scheduler.plans.PlanRecord;
import dev.ballast.scheduler.plans.PlanService;
import dev.ballast.scheduler.plans.PlanViews.Decision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The control loop. Each tick it looks at the forecast and decides, recording every decision with its reason,
 * doing nothing included: pause when metrics are stale; by night consolidate, wake hosts before the morning and
 * then rebalance; by day relieve hot spots when a plan beats the current placement by the planner's margin, within
 * the hourly migration budget and the per-VM cooldown. RECOMMEND leaves plans for people; AUTO executes them.
 * Only the instance that leads the cluster ticks; what it must not forget (mode, nights handled) is stored, so the
 * next leader or a restarted instance carries on without consolidating a night twice.
 */
public final class Autopilot {
    public static final String ACTOR = "autopilot";

    private final PlanService plans;
    private final DemandReader demandReader;
    private final PlacementLoads loads;
    private final AutopilotSettings settings;
    private final NightlyWindow nightly;
    private final int spareHosts;
    private final Clock clock;
    private volatile AutopilotMode mode;
    private LocalDate consolidatedNight;
    private LocalDate wokenNight;
    private boolean rebalanceDue;

    public Autopilot(PlanService plans, DemandReader demandReader, PlacementLoads loads, AutopilotSettings settings,
                     NightlyWindow nightly, int spareHosts, AutopilotMode mode, Clock clock) {
        this.plans = plans;
        this.demandReader = demandReader;
        this.loads = loads;
        this.settings = settings;
        this.nightly = nightly;
        this.spareHosts = spareHosts;
        this.mode = mode;
        this.clock = clock;
    }

    public AutopilotMode mode() {
        return mode;
    }

    public NightlyWindow nightly() {
        return nightly;
    }

    public AutopilotSettings settings() {
        return settings;
    }

    /**
     * Takes up what the store remembers: the nights already handled and, when {@code withMode}, the mode (several
     * instances: the mode a person set outlives the leader; a single instance starts in its configured mode).
     */
    public synchronized void recall(boolean withMode) {
        plans.autopilotMemory().ifPresent(m -> {
            consolidatedNight = m.consolidatedNight();
            wokenNight = m.wokenNight();
            rebalanceDue = m.rebalanceDue();
            if (withMode) {
                mode = AutopilotMode.valueOf(m.mode());
            }
        });
    }

    private void persist() {
        plans.remember(new AutopilotMemory(mode.name(), consolidatedNight, wokenNight, rebalanceDue));
    }

    public synchronized void setMode(AutopilotMode newMode, String who) {
        if (!plans.acting()) {
            throw new NotLeaderException("this instance does not lead its cluster now, so it cannot set the autopilot mode");
        }
        AutopilotMode old = mode;
        mode = newMode;
        persist();
        plans.audit(who, "autopilot-mode", null, "autopilot " + old + " -> " + newMode);
        decide("mode", who + " set the autopilot to " + newMode, null);
    }

    /** One turn of the loop; returns the decision it recorded (none when the autopilot is off or another instance leads). */
    public synchronized Decision tick() {
        if (mode == AutopilotMode.OFF || !plans.acting()) {
            return null;
        }
        if (plans.executingPlan().isPresent()) {
            return decide("wait", "plan " + plans.executingPlan().get() + " is executing", plans.executingPlan().get());
        }
        Demand demand = demandReader.read();
        Instant clusterTime = demand.cluster().takenAt();
        if (demand.newestSample().isEmpty()) {
            return decide("pause", "no usage samples yet: metrics are stale", null);
        }
        Duration age = Duration.between(demand.newestSample().get(), clusterTime);
        if (age.compareTo(settings.staleAfter()) > 0) {
            return decide("pause", "metrics are stale: the newest sample is " + age + " old (limit " + settings.staleAfter() + ")", null);
        }
        NightlyWindow.Phase phase = nightly.phaseAt(clusterTime);
        LocalDate night = nightly.nightOf(clusterTime);
        if (phase == NightlyWindow.Phase.CONSOLIDATE && !night.equals(consolidatedNight)) {
            consolidatedNight = night;
            persist();
            PlanningRequest request = PlanningRequest.of(Goal.CONSOLIDATE).withSpareHosts(nightly.spareHosts());
            return act(request, "nightly consolidation for the night of " + night);
        }
        if (phase == NightlyWindow.Phase.WAKE && !night.equals(wokenNight)) {
            wokenNight = night;
            persist();
            Set<HostId> off = demand.cluster().hosts().stream().filter(h -> h.state() == HostState.OFF).map(Host::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (off.isEmpty()) {
                return decide("nothing", "morning wake: no host is off", null);
            }
            rebalanceDue = true;
            persist();
            PlanRecord wake = plans.wake(off, "wakes " + off.size() + " hosts before the morning ramp", ACTOR);
            return carryOut(wake, "wakes " + off + " before the window ends at " + nightly.end());
        }
        if (rebalanceDue && phase != NightlyWindow.Phase.CONSOLIDATE) {
            rebalanceDue = false;
            persist();
            return act(budgeted(Goal.BALANCE), "rebalance after the morning wake");
        }
        if (phase == NightlyWindow.Phase.CONSOLIDATE) {
            return decide("nothing", "consolidated already for the night of " + night, null);
        }
        List<HostLoad> forecast = loads.loads(demand.cluster().hosts(), demand.cluster().vms(), demand.cluster().placement(),
                demand.forecast(), Set.of());
        List<String> hot = forecast.stream().filter(l -> l.temperature().kind() == SpotKind.HOT)
                .map(l -> l.host().id() + " (cpu " + Math.round(l.utilization().cpu() * 100) + " %, memory "
                        + Math.round(l.utilization().memory() * 100) + " %)").toList();
        if (hot.isEmpty()) {
            double max = forecast.stream().mapToDouble(l -> l.utilization().cpu()).max().orElse(0);
            return decide("nothing", "no hot spot in the forecast (highest host CPU " + Math.round(max * 100) + " %)", null);
        }
        return act(budgeted(Goal.BALANCE), "hot spots in the forecast: " + String.join(", ", hot));
    }

    private PlanningRequest budgeted(Goal goal) {
        long used = plans.migrationsSince(clock.instant().minus(Duration.ofHours(1)));
        int left = (int) Math.max(0, settings.migrationsPerHour() - used);
        PlanningRequest base = PlanningRequest.of(goal).withSpareHosts(spareHosts);
        return new PlanningRequest(goal, Map.of(), Set.of(), Set.of(), List.of(), List.of(),
                new MigrationBudget(left, Long.MAX_VALUE), true, base.spareHosts(), Set.of());
    }

    private Decision act(PlanningRequest request, String why) {
        if (request.budget().maxMigrations() == 0 && request.goal() != Goal.CONSOLIDATE) {
            return decide("nothing", why + "; but the hourly budget of " + settings.migrationsPerHour() + " migrations is spent", null);
        }
        PlanRecord plan = plans.preview(request, settings.solveTime(), ACTOR);
        if (!plan.report().score().improved() || plan.plan().steps().isEmpty()) {
            return decide("nothing", why + "; but no plan beats the current placement by the planner's margin", plan.id());
        }
        return carryOut(plan, why);
    }

    private Decision carryOut(PlanRecord plan, String why) {
        String summary = plan.plan().steps().size() + " steps";
        if (mode == AutopilotMode.RECOMMEND) {
            return decide("recommend", why + ": recommended plan " + plan.id() + " (" + summary + ")", plan.id());
        }
        try {
            plans.execute(plan.id(), ACTOR);
            return decide("execute", why + ": executing plan " + plan.id() + " (" + summary + ")", plan.id());
        } catch (PlanConflictException e) {
            return decide("nothing", why + "; but plan " + plan.id() + " could not start: " + e.getMessage(), plan.id());
        }
    }

    private Decision decide(String action, String reason, String planId) {
        Decision d = new Decision(clock.instant(), ACTOR, action, reason, planId);
        plans.record(d);
        return d;
    }
}
