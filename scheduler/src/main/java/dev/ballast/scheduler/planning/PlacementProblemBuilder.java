package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the observed cluster and the demand forecasts into a placement problem that starts from the current
 * placement (a warm start: the solver only has to find improvements).
 */
public final class PlacementProblemBuilder {
    private final PlanningSettings settings;

    public PlacementProblemBuilder(PlanningSettings settings) {
        this.settings = settings;
    }

    /**
     * @param demand forecast demand per VM; a VM without a forecast is planned at its full allocation (the safe side)
     * @param pinned VMs that must stay where they are
     */
    public PlacementSolution build(ClusterSnapshot cluster, Map<VmId, Resources> demand, Goal goal, Set<VmId> pinned) {
        Map<HostId, PlanningHost> hosts = new LinkedHashMap<>();
        for (Host h : cluster.hosts()) {
            long cpu = milli(h.capacity().cpu());
            long memory = Math.round(h.capacity().memoryMib());
            hosts.put(h.id(), new PlanningHost(h.id().value(), cpu, Math.round(cpu * settings.cpuHotThreshold()),
                    Math.round(cpu * settings.vcpuOvercommit()), memory, Math.round(memory * settings.memoryLimit()),
                    h.state(), h.power()));
        }
        List<VmPlacement> placements = new ArrayList<>();
        for (Vm vm : cluster.vms()) {
            Resources d = demand.getOrDefault(vm.id(), vm.size()).min(vm.size());
            placements.add(new VmPlacement(vm.id().value(), milli(d.cpu()), milli(vm.size().cpu()),
                    Math.round(vm.size().memoryMib()), Math.round(d.memoryMib()), vm.dirtyRateMibPerSecond(),
                    hosts.get(vm.host()), pinned.contains(vm.id())));
        }
        return new PlacementSolution(new ArrayList<>(hosts.values()), placements,
                new MigrationCostModel(settings.linkMibPerSecond(), 0.8),
                ConstraintWeightOverrides.<HardMediumSoftScore>of(goal.weights()));
    }

    private static long milli(double cores) {
        return Math.round(cores * 1000);
    }
}
