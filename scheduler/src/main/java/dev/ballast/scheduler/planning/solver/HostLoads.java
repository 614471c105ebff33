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
    final List<List<VmPlacement>> vms;
    private final Map<PlanningHost, Integer> index = new IdentityHashMap<>();

    HostLoads(PlacementSolution solution) {
        hosts = solution.getHosts();
        int n = hosts.size();
        cpu = new long[n];
        memory = new long[n];
        vcpus = new long[n];
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

    /** A usable host that may receive VMs without being powered on. */
    boolean isOpen(int h) {
        PlanningHost host = hosts.get(h);
        return host.isUsable() && !host.needsPowerOn();
    }

    void add(int h, VmPlacement p) {
        cpu[h] += p.getCpuDemand();
        memory[h] += p.getMemory();
        vcpus[h] += p.getVcpus();
        vms.get(h).add(p);
    }

    void remove(int h, VmPlacement p) {
        cpu[h] -= p.getCpuDemand();
        memory[h] -= p.getMemory();
        vcpus[h] -= p.getVcpus();
        vms.get(h).remove(p);
    }
}
