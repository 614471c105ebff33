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
import dev.ballast.scheduler.planning.PlanningSettings;
import dev.ballast.scheduler.sequencing.HostRoom;
import dev.ballast.scheduler.sequencing.MigrationSequencer;
import dev.ballast.scheduler.sequencing.SequencedPlan;
import dev.ballast.scheduler.sequencing.SequencedStep;
import dev.ballast.scheduler.sequencing.SequencingLimits;
import dev.ballast.scheduler.sequencing.StepReasons;
import dev.ballast.scheduler.sequencing.VmLoad;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ballast's own loop in the benchmark world: collect (each VM's CPU now), forecast (the predictors' default
 * estimator), plan (the Timefold placement model with {@link Goal#CONSOLIDATE}, a short solve per decision),
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
    private final Duration solveTime;
    private final double spareShare;
    private final VmDemandForecasts forecasts = new VmDemandForecasts();
    private final PlacementProblemBuilder builder;
    private final PlacementPlanner planner;
    private final MigrationSequencer sequencer;
    private long solveMillis;
    private int decisions;

    BallastPolicy(PlanningSettings settings, Duration solveTime, double spareShare) {
        this.settings = settings;
        this.solveTime = solveTime;
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

        Map<HostId, SimHost> hostsById = new HashMap<>();
        List<Host> hosts = new ArrayList<>();
        List<HostRoom> rooms = new ArrayList<>();
        for (SimHost h : planned) {
            HostId id = hostId(h);
            hostsById.put(id, h);
            double memory = h.enforceMemory ? h.memoryMb - inFlightMemory(h) : UNBOUNDED_MEMORY_MIB;
            hosts.add(new Host(id, Resources.of(cores(h.totalMips()), memory), HostState.ON,
                    PowerModel.of(h.type.power().watts()), Map.of()));
            rooms.add(new HostRoom(id, HostState.ON, Math.round(h.totalMips() * settings.cpuHotThreshold()), (long) memory));
        }
        Map<VmId, SimVm> vmsById = new HashMap<>();
        List<Vm> vms = new ArrayList<>();
        Map<VmId, Resources> demand = new LinkedHashMap<>();
        List<VmLoad> loads = new ArrayList<>();
        Map<VmId, HostId> current = new LinkedHashMap<>();
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
            }
        }
        if (vms.isEmpty()) {
            return List.of();
        }
        ClusterSnapshot snapshot = new ClusterSnapshot(Instant.EPOCH.plusMillis((long) (now * 1000)), hosts, vms);
        PlacementResult result = planner.solve(builder.build(snapshot, demand, Goal.CONSOLIDATE, Set.of()), solveTime);
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

    private static final StepReasons REASONS = new StepReasons() {
        @Override
        public String migration(VmId vm, HostId from, HostId to) {
            return "consolidate";
        }

        @Override
        public String staging(VmId vm, HostId from, HostId staging, HostId finalTarget) {
            return "stage";
        }

        @Override
        public String powerOn(HostId host) {
            return "power on";
        }

        @Override
        public String powerOff(HostId host) {
            return "power off";
        }
    };
}
