package dev.ballast.scheduler.planning.solver;

import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningHost;
import dev.ballast.scheduler.planning.VmPlacement;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each host holds in a working solution (CPU demand, memory, vCPUs, VMs), kept up to date by the custom
 * phases as they move VMs, so that choosing a destination is arithmetic instead of a score calculation.
 */
final class HostLoads {
    final List<PlanningHost> hosts;
    final long[] cpu;
    final long[] memory;
    final long[] vcpus;
    final long[] memoryDemand;
    final List<List<VmPlacement>> vms;
    private final Map<PlanningHost, Integer> index = new IdentityHashMap<>();

    HostLoads(PlacementSolution solution) {
        hosts = solution.getHosts();
        int n = hosts.size();
        cpu = new long[n];
        memory = new long[n];
        vcpus = new long[n];
        memoryDemand = new long[n];
        vms = new ArrayList<>(n);
        for (int h = 0; h < n; h++) {
            index.put(hosts.get(h), h);
            vms.add(new ArrayList<>());
        }
        for (VmPlacement p : solution.getPlacements()) {
            if (p.getHost() != null) {
                add(indexOf(p.getHost()), p);
            }
        }
    }

    int indexOf(PlanningHost host) {
        return index.get(host);
    }

    boolean fits(int h, VmPlacement p) {
        PlanningHost host = hosts.get(h);
        return cpu[h] + p.getCpuDemand() <= host.getCpuLimit() && memory[h] + p.getMemory() <= host.getMemoryLimit()
                && vcpus[h] + p.getVcpus() <= host.getVcpuLimit();
    }

    /** The larger of CPU-demand and memory use as a share of the host's limits: how full it is. */
    double fullness(int h) {
        PlanningHost host = hosts.get(h);
        return Math.max((double) cpu[h] / host.getCpuLimit(), (double) memory[h] / host.getMemoryLimit());
    }

    /**
     * How much adding the VM to the host grows the weighted sum of squared utilizations (CPU demand and memory
     * demand over capacity): for a fixed total, that is how much it grows the imbalance constraints' squared
     * deviation from the mean, so the host where this is least keeps the cluster most even.
     */
    double imbalanceGrowth(int h, VmPlacement p, double cpuWeight, double memoryWeight) {
        PlanningHost host = hosts.get(h);
        double xc = (double) cpu[h] / host.getCpuCapacity();
        double dc = (double) p.getCpuDemand() / host.getCpuCapacity();
        double xm = (double) memoryDemand[h] / host.getMemoryCapacity();
        double dm = (double) p.getMemoryDemand() / host.getMemoryCapacity();
        return cpuWeight * dc * (2 * xc + dc) + memoryWeight * dm * (2 * xm + dm);
    }

    /** A usable host that may receive VMs without being powered on. */
    boolean isOpen(int h) {
        PlanningHost host = hosts.get(h);
        return host.isUsable() && !host.needsPowerOn();
    }

    void add(int h, VmPlacement p) {
        cpu[h] += p.getCpuDemand();
        memory[h] += p.getMemory();
        vcpus[h] += p.getVcpus();
        memoryDemand[h] += p.getMemoryDemand();
        vms.get(h).add(p);
    }

    void remove(int h, VmPlacement p) {
        cpu[h] -= p.getCpuDemand();
        memory[h] -= p.getMemory();
        vcpus[h] -= p.getVcpus();
        memoryDemand[h] -= p.getMemoryDemand();
        vms.get(h).remove(p);
    }
}
