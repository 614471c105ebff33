package dev.ballast.scheduler.planning.bench;

import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningHost;
import dev.ballast.scheduler.planning.VmPlacement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The classic bin-packing baseline: VMs by decreasing size (their largest share of a host's limit over CPU demand,
 * memory and vCPUs), each on the first usable host, in host order, where it fits under every limit. It ignores
 * migrations, balance and the spare-capacity reserve: it only says how few hosts a plain packer needs.
 */
public final class FirstFitDecreasing {
    private FirstFitDecreasing() {
    }

    /** The number of hosts that hold at least one VM after packing; fails when a VM fits nowhere. */
    public static int hostsUsed(PlacementSolution problem) {
        List<PlanningHost> hosts = problem.getHosts().stream().filter(PlanningHost::isUsable).toList();
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no usable host to pack onto");
        }
        PlanningHost reference = hosts.getFirst();
        List<VmPlacement> vms = new ArrayList<>(problem.getPlacements());
        vms.sort(Comparator.comparingDouble((VmPlacement p) -> -size(p, reference)).thenComparing(VmPlacement::getId));
        long[] cpu = new long[hosts.size()];
        long[] memory = new long[hosts.size()];
        long[] vcpus = new long[hosts.size()];
        int used = 0;
        for (VmPlacement p : vms) {
            int chosen = -1;
            for (int h = 0; h < hosts.size() && chosen < 0; h++) {
                PlanningHost host = hosts.get(h);
                if (cpu[h] + p.getCpuDemand() <= host.getCpuLimit() && memory[h] + p.getMemory() <= host.getMemoryLimit()
                        && vcpus[h] + p.getVcpus() <= host.getVcpuLimit()) {
                    chosen = h;
                }
            }
            if (chosen < 0) {
                throw new IllegalArgumentException("first-fit-decreasing found no host for " + p.getId());
            }
            if (cpu[chosen] == 0 && memory[chosen] == 0 && vcpus[chosen] == 0) {
                used++;
            }
            cpu[chosen] += p.getCpuDemand();
            memory[chosen] += p.getMemory();
            vcpus[chosen] += p.getVcpus();
        }
        return used;
    }

    /**
     * The lower bound on powered-on hosts: the largest over resources of ceil(total demand / one host's limit)
     * (hosts are identical in the benchmark; with mixed hosts the largest limit is used, which keeps it a bound).
     */
    public static int lowerBound(PlacementSolution problem) {
        List<PlanningHost> hosts = problem.getHosts().stream().filter(PlanningHost::isUsable).toList();
        long cpuLimit = hosts.stream().mapToLong(PlanningHost::getCpuLimit).max().orElseThrow();
        long memoryLimit = hosts.stream().mapToLong(PlanningHost::getMemoryLimit).max().orElseThrow();
        long vcpuLimit = hosts.stream().mapToLong(PlanningHost::getVcpuLimit).max().orElseThrow();
        long cpu = problem.getPlacements().stream().mapToLong(VmPlacement::getCpuDemand).sum();
        long memory = problem.getPlacements().stream().mapToLong(VmPlacement::getMemory).sum();
        long vcpus = problem.getPlacements().stream().mapToLong(VmPlacement::getVcpus).sum();
        return (int) Math.max(ceilDiv(cpu, cpuLimit), Math.max(ceilDiv(memory, memoryLimit), ceilDiv(vcpus, vcpuLimit)));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static double size(VmPlacement p, PlanningHost h) {
        return Math.max((double) p.getCpuDemand() / h.getCpuLimit(),
                Math.max((double) p.getMemory() / h.getMemoryLimit(), (double) p.getVcpus() / h.getVcpuLimit()));
    }
}
