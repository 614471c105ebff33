package dev.ballast.scheduler.benchmark;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.planning.PlacementPlanner;
import dev.ballast.scheduler.planning.PlacementProblemBuilder;
import dev.ballast.scheduler.planning.PlacementResult;
import dev.ballast.scheduler.planning.PlanningRequest;
import dev.ballast.scheduler.planning.PlanningSettings;
import dev.ballast.scheduler.planning.SolveBudget;
import dev.ballast.scheduler.sequencing.HostRoom;
import dev.ballast.scheduler.sequencing.MigrationSequencer;
import dev.ballast.scheduler.sequencing.SequencedPlan;
import dev.ballast.scheduler.sequencing.SequencedStep;
import dev.ballast.scheduler.sequencing.SequencingLimits;
import dev.ballast.scheduler.sequencing.StepReasons;
import dev.ballast.scheduler.sequencing.VmLoad;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ballast's own loop in the benchmark world: collect (each VM's CPU now), forecast (the predictors' default
 * estimator), decide whether to act ({@link Triggers}: only overloaded hosts and hosts worth emptying are open to
 * moves), plan (the Timefold placement model with {@link Goal#CONSOLIDATE}, a short solve per decision),
 * keep the moves that pay ({@link WorthwhileMoves}: emptying hosts, relieving overloaded ones), sequence (the
 * migration sequencer) and migrate (the world starts the sequenced moves at the decision, as CloudSim does).
 *
 * <p>Mapping to the planning vocabulary: 1000 MIPS count as one core; the planner sees the active hosts plus a
 * few empty ones to switch on (the most power-efficient first). In the CloudSim-compatible model memory is no
 * capacity after the initial placement, so hosts are given memory that never binds and VMs keep their RAM only
 * to price migrations. In the realistic model hosts have their memory, less what VMs migrating to or from them
 * hold (those VMs are not planned until they land).
 */
final class BallastPolicy implements ConsolidationPolicy {
    /** Memory of a host as the planner sees it in the CloudSim-compatible model: never the limit. */
    private static final double UNBOUNDED_MEMORY_MIB = 1 << 30;

    private final PlanningSettings settings;
    private final SolveBudget solve;
    private final double spareShare;
    private final Triggers triggers;
    /** When each host last received a VM from this policy (hysteresis: such a host is not emptied right away). */
    private final Map<SimHost, Double> lastReceived = new HashMap<>();

    /**
     * When Ballast acts, so that a plan re-solved every five minutes does not reshuffle VMs for nothing: on a host
     * whose forecast CPU is over {@code overload} of the host (it must be relieved), and on a host that may be
     * emptied: forecast under {@code underload} of its CPU, or of a less power-efficient type than the best one in
     * the plan when {@code drainInefficient}, and no VM received for {@code hostHysteresisSeconds}. VMs on every
     * other host are pinned; VMs moved less than {@code vmCooldownSeconds} ago weigh the planner's cooldown
     * penalty. A decision with no such host does not plan at all. The planner packs hosts only up to its own CPU
     * limit ({@link PlanningSettings#cpuHotThreshold()}); with {@code overload} above it, a host packed full has a
     * band to grow into before it is relieved (without one, every rise of a full host moves VMs again).
     */
    record Triggers(double underload, double overload, boolean drainInefficient, double hostHysteresisSeconds,
                    double vmCooldownSeconds) {
        /** Measured on PlanetLab (docs/benchmarks.md): empty hosts under 80 %, relieve over 120 %, drain G4s, 10 min / 15 min. */
        static final Triggers DEFAULTS = new Triggers(0.8, 1.2, true, 600, 900);

        Triggers {
            if (!(underload >= 0) || !(overload > 0) || !(hostHysteresisSeconds >= 0) || !(vmCooldownSeconds >= 0)) {
                throw new IllegalArgumentException("triggers need underload, hysteresis and cooldown >= 0 and overload > 0, were "
                        + underload + ", " + overload + ", " + hostHysteresisSeconds + ", " + vmCooldownSeconds);
            }
        }
    }

    /**
     * The planner's limits for the benchmark's Ballast, the world's own capacities and no others, as the other
     * policies have: CPU demand forecasts may fill 90 % of a host (the FUSD forecast already sits above demand;
     * {@link Triggers#overload()} is the band's top); vCPUs are no capacity (neither world has one: a CloudSim host takes
     * VMs while their requested MIPS fit, and the 1000 MIPS = 1 core mapping is the benchmark's, not a host's
     * cores), and memory may fill a host (the realistic world refuses a migration only beyond 100 %; the
     * CloudSim-compatible one never, see {@link #UNBOUNDED_MEMORY_MIB}).
     */
    static PlanningSettings benchmarkSettings() {
        PlanningSettings d = PlanningSettings.defaults();
        return new PlanningSettings(0.9, NO_VCPU_LIMIT, 1.0, d.linkMibPerSecond(), d.minimumImprovement());
    }

    /** An overcommit no plan reaches: a host would need a thousand times its cores in vCPUs. */
    private static final double NO_VCPU_LIMIT = 1000;

    private final VmDemandForecasts forecasts = new VmDemandForecasts();
    private final PlacementProblemBuilder builder;
    private final PlacementPlanner planner;
    private final MigrationSequencer sequencer;
    private long solveMillis;
    private int decisions;

    BallastPolicy(PlanningSettings settings, SolveBudget solve, double spareShare) {
        this(settings, solve, spareShare, Triggers.DEFAULTS);
    }

    BallastPolicy(PlanningSettings settings, SolveBudget solve, double spareShare, Triggers triggers) {
        this.settings = settings;
        this.triggers = triggers;
        this.solve = solve;
        this.spareShare = spareShare;
        this.builder = new PlacementProblemBuilder(settings);
        this.planner = new PlacementPlanner(settings);
        this.sequencer = new MigrationSequencer(SequencingLimits.defaults());
    }

    @Override
    public String name() {
        return "Ballast";
    }

    double meanSolveMillis() {
        return decisions == 0 ? 0 : (double) solveMillis / decisions;
    }

    private static HostId hostId(SimHost host) {
        return HostId.of("h" + host.index);
    }

    private static VmId vmId(SimVm vm) {
        return VmId.of("vm" + vm.index);
    }

    private static double cores(double mips) {
        return mips / 1000.0;
    }

    @Override
    public List<Migration> optimize(SimulatedWorld world, double now) {
        forecasts.observe(world);
        List<SimHost> planned = new ArrayList<>();
        List<SimHost> empty = new ArrayList<>();
        for (SimHost host : world.hosts()) {
            (host.vms.isEmpty() ? empty : planned).add(host);
        }
        int spares = Math.max(5, (int) Math.ceil(spareShare * planned.size()));
        empty.sort(Comparator.comparingDouble((SimHost h) -> h.type.power().maxPower() / h.totalMips()).thenComparingInt(h -> h.index));
        planned.addAll(empty.subList(0, Math.min(spares, empty.size())));

        Set<SimHost> movable = new HashSet<>();
        Map<SimHost, Double> plannedForecast = new HashMap<>();
        double bestEfficiency = Double.MAX_VALUE;
        for (SimHost h : planned) {
            bestEfficiency = Math.min(bestEfficiency, h.type.power().maxPower() / h.totalMips());
        }
        for (SimHost h : planned) {
            double forecast = 0;
            double settled = 0;
            for (SimVm vm : h.vms) {
                double expected = forecasts.expectedMips(vm);
                forecast += expected;
                settled += vm.inMigration ? 0 : expected;
            }
            plannedForecast.put(h, settled);
            double share = forecast / h.totalMips();
            boolean overloaded = share > triggers.overload();
            boolean inefficient = triggers.drainInefficient() && h.type.power().maxPower() / h.totalMips() > bestEfficiency;
            boolean underloaded = (share < triggers.underload() || inefficient)
                    && now - lastReceived.getOrDefault(h, Double.NEGATIVE_INFINITY) >= triggers.hostHysteresisSeconds();
            if (overloaded || underloaded) {
                movable.add(h);
            }
        }
        if (movable.stream().allMatch(h -> h.vms.isEmpty())) {
            return List.of();
        }

        Map<HostId, SimHost> hostsById = new HashMap<>();
        List<Host> hosts = new ArrayList<>();
        List<HostRoom> rooms = new ArrayList<>();
        for (SimHost h : planned) {
            HostId id = hostId(h);
            hostsById.put(id, h);
            double memory = h.enforceMemory ? h.memoryMb - inFlightMemory(h) : UNBOUNDED_MEMORY_MIB;
            // A pinned host between the planner's limit and the overload trigger is left as it is: the planner sees
            // its limit raised to its load, so it is no violation, and it can take nothing more.
            double mips = movable.contains(h) ? h.totalMips()
                    : Math.max(h.totalMips(), Math.ceil(plannedForecast.get(h) / settings.cpuHotThreshold()) + 1);
            hosts.add(new Host(id, Resources.of(cores(mips), memory), HostState.ON,
                    PowerModel.of(h.type.power().watts()), Map.of()));
            rooms.add(new HostRoom(id, HostState.ON, Math.round(mips * settings.cpuHotThreshold()), (long) memory));
        }
        Map<VmId, SimVm> vmsById = new HashMap<>();
        List<Vm> vms = new ArrayList<>();
        Map<VmId, Resources> demand = new LinkedHashMap<>();
        List<VmLoad> loads = new ArrayList<>();
        Map<VmId, HostId> current = new LinkedHashMap<>();
        Set<VmId> pinned = new HashSet<>();
        Set<VmId> recentlyMoved = new HashSet<>();
        for (SimHost h : planned) {
            for (SimVm vm : h.vms) {
                if (vm.inMigration) {
                    continue;
                }
                VmId id = vmId(vm);
                vmsById.put(id, vm);
                vms.add(new Vm(id, Resources.of(cores(vm.mips()), vm.ramMb()), hostId(h), 0, Map.of()));
                double expected = forecasts.expectedMips(vm);
                demand.put(id, Resources.of(cores(expected), vm.ramMb()));
                loads.add(new VmLoad(id, Math.round(expected), vm.ramMb()));
                current.put(id, hostId(h));
                if (!movable.contains(h)) {
                    pinned.add(id);
                } else if (now - vm.lastLeftAt < triggers.vmCooldownSeconds()) {
                    recentlyMoved.add(id);
                }
            }
        }
        if (vms.isEmpty()) {
            return List.of();
        }
        ClusterSnapshot snapshot = new ClusterSnapshot(Instant.EPOCH.plusMillis((long) (now * 1000)), hosts, vms);
        PlanningRequest request = PlanningRequest.of(Goal.CONSOLIDATE).withPinned(pinned).withRecentlyMoved(recentlyMoved);
        PlacementResult result = planner.solve(builder.build(snapshot, demand, request), solve);
        solveMillis += result.solveMillis();
        decisions++;
        if (!result.feasible()) {
            return List.of();
        }
        Map<VmId, Double> expectedMips = new HashMap<>();
        loads.forEach(l -> expectedMips.put(l.id(), (double) l.cpu()));
        Map<HostId, Double> limits = new HashMap<>();
        rooms.forEach(r -> limits.put(r.id(), (double) r.cpuLimit()));
        Map<VmId, HostId> target = WorthwhileMoves.filter(current, result.target(), expectedMips, limits);
        SequencedPlan plan = sequencer.sequence(rooms, loads, current, target, Set.of(), REASONS);
        List<Migration> map = new ArrayList<>();
        for (SequencedStep step : plan.steps()) {
            PlanStep s = step.step();
            if (s instanceof LiveMigrate m) {
                map.add(new Migration(vmsById.get(m.vm()), hostsById.get(m.target())));
                lastReceived.put(hostsById.get(m.target()), now);
            }
        }
        return map;
    }

    private static int inFlightMemory(SimHost host) {
        int held = 0;
        for (SimVm vm : host.vms) {
            if (vm.inMigration) {
                held += vm.ramMb();
            }
        }
        return held;
    }

    private static final StepReasons REASONS = StepReasons.labels("consolidate", "stage", "power on", "power off");
}
