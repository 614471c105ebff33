package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the observed cluster, the demand forecasts and the request into a placement problem that starts from the
 * current placement (a warm start: the solver only has to find improvements). Rules are checked for contradictions
 * first.
 */
public final class PlacementProblemBuilder {
    private final PlanningSettings settings;

    public PlacementProblemBuilder(PlanningSettings settings) {
        this.settings = settings;
    }

    /** A plan for a goal with the default request (no rules, N+1 spare capacity, power-on allowed). */
    public PlacementSolution build(ClusterSnapshot cluster, Map<VmId, Resources> demand, Goal goal, Set<VmId> pinned) {
        return build(cluster, demand, PlanningRequest.of(goal).withPinned(pinned));
    }

    /**
     * @param demand forecast demand per VM; a VM without a forecast is planned at its full allocation (the safe side)
     */
    public PlacementSolution build(ClusterSnapshot cluster, Map<VmId, Resources> demand, PlanningRequest request) {
        return build(cluster, demand, request, Set.of());
    }

    /** As above, where {@code newVms} do not exist yet (a what-if): they are placed, not migrated. */
    public PlacementSolution build(ClusterSnapshot cluster, Map<VmId, Resources> demand, PlanningRequest request, Set<VmId> newVms) {
        new RuleValidator().validate(cluster, request);
        Map<HostId, PlanningHost> hosts = new LinkedHashMap<>();
        for (Host h : cluster.hosts()) {
            long cpu = milli(h.capacity().cpu());
            long memory = Math.round(h.capacity().memoryMib());
            boolean draining = request.evacuate().contains(h.id()) || h.state() == HostState.MAINTENANCE;
            hosts.put(h.id(), new PlanningHost(h.id().value(), cpu, Math.round(cpu * settings.cpuHotThreshold()),
                    Math.round(cpu * settings.vcpuOvercommit()), memory, Math.round(memory * settings.memoryLimit()),
                    h.state(), h.power(), h.labels(), draining, request.allowPowerOn()));
        }
        List<VmPlacement> placements = new ArrayList<>();
        for (Vm vm : cluster.vms()) {
            Resources d = demand.getOrDefault(vm.id(), vm.size()).min(vm.size());
            placements.add(new VmPlacement(vm.id().value(), milli(d.cpu()), milli(vm.size().cpu()),
                    Math.round(vm.size().memoryMib()), Math.round(d.memoryMib()), vm.dirtyRateMibPerSecond(),
                    hosts.get(vm.host()), request.pinned().contains(vm.id()), request.recentlyMoved().contains(vm.id())));
            if (newVms.contains(vm.id())) {
                placements.get(placements.size() - 1).markNew();
            }
        }
        RepairSeed.unassignWhatMustMove(new ArrayList<>(hosts.values()), placements);
        List<PlanningAffinityGroup> groups = request.affinityRules().stream()
                .map(r -> new PlanningAffinityGroup(r.name(), r.kind(), r.strength(), ids(r.vms()))).toList();
        List<PlanningHostRule> hostRules = request.hostRules().stream()
                .map(r -> new PlanningHostRule(r.name(), r.kind(), r.strength(), ids(r.vms()), r.labelKey(), r.labelValue())).toList();
        PlanningLimits limits = new PlanningLimits(request.budget().maxMigrations(), request.budget().maxMemoryMib(), request.spareHosts());
        PolicyFacts policies = policyFacts(request);
        Map<String, HardMediumSoftScore> weights = request.goal().weights(request.weightOverrides());
        // a policy the request does not use weighs zero: Timefold then leaves its constraint out of the score entirely
        policies.idleConstraints().forEach(id -> weights.put(id, HardMediumSoftScore.ZERO));
        return new PlacementSolution(new ArrayList<>(hosts.values()), placements,
                new MigrationCostModel(settings.linkMibPerSecond(), 0.8), limits, new ArrayList<>(groups), new ArrayList<>(hostRules),
                policies, ConstraintWeightOverrides.<HardMediumSoftScore>of(weights));
    }

    /** The request's policies as facts, rules named by them resolved to their VMs (the validator checked they exist). */
    static PolicyFacts policyFacts(PlanningRequest request) {
        PlacementPolicies p = request.policies();
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        request.affinityRules().forEach(r -> groups.put(r.name(), ids(r.vms())));
        List<PlanningSpread> spreads = p.spreads().stream()
                .map(s -> new PlanningSpread(s.group(), groups.get(s.group()), s.labelKey(), s.minDomains())).toList();
        List<PlanningDependency> dependencies = p.dependencies().stream()
                .map(d -> new PlanningDependency(d.name(), d.group(), groups.get(d.group()), d.needs(), groups.get(d.needs()), d.labelKey()))
                .toList();
        List<PlanningMoveCostTable> moveCosts = p.moveCosts().isEmpty() ? List.of() : List.of(new PlanningMoveCostTable(p.moveCosts()));
        List<PlanningServiceGroup> services = p.serviceMoveCostGroups().stream().sorted()
                .map(g -> new PlanningServiceGroup(g, groups.get(g))).toList();
        return new PolicyFacts(spreads, dependencies, p.balanceTargets(), p.safetyCapacities(), moveCosts, services);
    }

    private static Set<String> ids(Set<VmId> vms) {
        return vms.stream().map(VmId::value).collect(Collectors.toUnmodifiableSet());
    }

    private static long milli(double cores) {
        return Math.round(cores * 1000);
    }
}
