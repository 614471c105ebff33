package dev.ballast.scheduler.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares the warm start: VMs that must leave their host (it is drained, off or in maintenance) and, on hosts over
 * a limit, the fewest VMs whose departure brings the host back under it are unassigned, so that Timefold's
 * construction heuristic places them first (each on the best host by score). The rest of the cluster starts where
 * it is. Without this, local search repairs hard constraints by wandering and leaves the rest of the cluster
 * shuffled.
 */
final class RepairSeed {
    private RepairSeed() {
    }

    static void unassignWhatMustMove(List<PlanningHost> hosts, List<VmPlacement> placements) {
        Map<PlanningHost, List<VmPlacement>> byHost = new LinkedHashMap<>();
        hosts.forEach(h -> byHost.put(h, new ArrayList<>()));
        placements.forEach(p -> byHost.get(p.getCurrentHost()).add(p));
        for (Map.Entry<PlanningHost, List<VmPlacement>> e : byHost.entrySet()) {
            PlanningHost host = e.getKey();
            List<VmPlacement> movable = e.getValue().stream().filter(p -> !p.isPinned()).toList();
            if (!host.isUsable() || host.needsPowerOn()) {
                movable.forEach(p -> p.setHost(null));
                continue;
            }
            long cpu = e.getValue().stream().mapToLong(VmPlacement::getCpuDemand).sum();
            long memory = e.getValue().stream().mapToLong(VmPlacement::getMemory).sum();
            long vcpus = e.getValue().stream().mapToLong(VmPlacement::getVcpus).sum();
            List<VmPlacement> largestFirst = new ArrayList<>(movable);
            largestFirst.sort(Comparator.comparingLong((VmPlacement p) -> -(p.getCpuDemand() * host.getMemoryCapacity()
                    + p.getMemory() * host.getCpuCapacity())).thenComparing(VmPlacement::getId));
            for (VmPlacement p : largestFirst) {
                if (cpu <= host.getCpuLimit() && memory <= host.getMemoryLimit() && vcpus <= host.getVcpuLimit()) {
                    break;
                }
                p.setHost(null);
                cpu -= p.getCpuDemand();
                memory -= p.getMemory();
                vcpus -= p.getVcpus();
            }
        }
    }
}
