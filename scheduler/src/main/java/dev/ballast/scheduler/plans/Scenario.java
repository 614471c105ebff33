package dev.ballast.scheduler.plans;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.cluster.Demand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A what-if: hosts to power off (emptied first), hosts to add, VMs to add (with their expected demand), VMs to
 * remove, and demand scaled globally or per VM. Applying it to an observation gives the cluster to plan for; the
 * real cluster is never touched. A scenario that invents or removes hosts, VMs or demand is hypothetical: its plan
 * can be previewed but not executed.
 */
public record Scenario(Set<HostId> powerOff, List<Host> addHosts, List<NewVm> addVms, Set<VmId> removeVms, double demandScale,
                       Map<VmId, Double> vmDemandScale) {
    /** A VM that does not exist yet: its allocation and the demand it is expected to have. */
    public record NewVm(VmId id, Resources size, Resources demand) {
    }

    public static final Scenario NONE = new Scenario(Set.of(), List.of(), List.of(), Set.of(), 1.0, Map.of());

    public Scenario {
        powerOff = Set.copyOf(powerOff);
        addHosts = List.copyOf(addHosts);
        addVms = List.copyOf(addVms);
        removeVms = Set.copyOf(removeVms);
        vmDemandScale = Map.copyOf(vmDemandScale);
        if (!(demandScale > 0 && demandScale <= 100)) {
            throw new IllegalArgumentException("demandScale must be in (0, 100], was " + demandScale);
        }
        vmDemandScale.forEach((vm, f) -> {
            if (!(f > 0 && f <= 100)) {
                throw new IllegalArgumentException("demand scale of " + vm + " must be in (0, 100], was " + f);
            }
        });
    }

    public boolean hypothetical() {
        return !addHosts.isEmpty() || !addVms.isEmpty() || !removeVms.isEmpty() || demandScale != 1.0 || !vmDemandScale.isEmpty();
    }

    /** The observed cluster changed by the scenario. New VMs sit on a placeholder host; the planner places them. */
    public Demand apply(Demand observed) {
        ClusterSnapshot c = observed.cluster();
        Set<HostId> known = new java.util.HashSet<>();
        c.hosts().forEach(h -> known.add(h.id()));
        Set<VmId> knownVms = new java.util.HashSet<>();
        c.vms().forEach(v -> knownVms.add(v.id()));
        for (HostId h : powerOff) {
            if (!known.contains(h)) {
                throw new IllegalArgumentException("host to power off " + h + " is not in the cluster");
            }
        }
        for (VmId v : removeVms) {
            if (!knownVms.contains(v)) {
                throw new IllegalArgumentException("VM to remove " + v + " is not in the cluster");
            }
        }
        for (VmId v : vmDemandScale.keySet()) {
            if (!knownVms.contains(v)) {
                throw new IllegalArgumentException("VM to scale " + v + " is not in the cluster");
            }
        }
        List<Host> hosts = new ArrayList<>(c.hosts());
        for (Host h : addHosts) {
            if (!known.add(h.id())) {
                throw new IllegalArgumentException("host to add " + h.id() + " already exists");
            }
            hosts.add(h.withState(HostState.ON));
        }
        HostId placeholder = hosts.stream().filter(h -> h.state() == HostState.ON).map(Host::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no host is on to plan new VMs for"));
        List<Vm> vms = new ArrayList<>();
        Map<VmId, Resources> usage = new HashMap<>();
        Map<VmId, Resources> forecast = new HashMap<>();
        for (Vm vm : c.vms()) {
            if (removeVms.contains(vm.id())) {
                continue;
            }
            vms.add(vm);
            double f = demandScale * vmDemandScale.getOrDefault(vm.id(), 1.0);
            usage.put(vm.id(), scale(observed.usage().getOrDefault(vm.id(), vm.size()), f, vm.size()));
            forecast.put(vm.id(), scale(observed.forecast().getOrDefault(vm.id(), vm.size()), f, vm.size()));
        }
        for (NewVm n : addVms) {
            if (!knownVms.add(n.id())) {
                throw new IllegalArgumentException("VM to add " + n.id() + " already exists");
            }
            vms.add(new Vm(n.id(), n.size(), placeholder, 0, Map.of()));
            Resources d = scale(n.demand(), demandScale, n.size());
            usage.put(n.id(), d);
            forecast.put(n.id(), d);
        }
        return new Demand(new ClusterSnapshot(c.takenAt(), hosts, vms), usage, forecast, observed.newestSample());
    }

    public Set<VmId> newVmIds() {
        Set<VmId> ids = new java.util.HashSet<>();
        addVms.forEach(n -> ids.add(n.id()));
        return ids;
    }

    /** Demand times a factor, never above the allocation (a VM cannot use more than it has). */
    private static Resources scale(Resources demand, double factor, Resources size) {
        return demand.times(factor).min(size);
    }
}
