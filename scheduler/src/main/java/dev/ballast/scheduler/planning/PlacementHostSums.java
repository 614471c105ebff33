package dev.ballast.scheduler.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-host sums of a placement: VMs, CPU demand, vCPUs, memory and memory demand (the constraints' inputs). */
final class PlacementHostSums {
    record Entry(PlanningHost host, long[] sums) {
    }

    private PlacementHostSums() {
    }

    /** Every host, in problem order; sums are {vms, cpuDemand, vcpus, memory, memoryDemand}. */
    static List<Entry> of(PlacementSolution s) {
        Map<PlanningHost, long[]> sums = new LinkedHashMap<>();
        s.getHosts().forEach(h -> sums.put(h, new long[5]));
        for (VmPlacement p : s.getPlacements()) {
            if (p.getHost() == null) {
                continue; // a new VM not placed yet (what-if): it weighs on no host
            }
            long[] v = sums.get(p.getHost());
            v[0]++;
            v[1] += p.getCpuDemand();
            v[2] += p.getVcpus();
            v[3] += p.getMemory();
            v[4] += p.getMemoryDemand();
        }
        List<Entry> entries = new ArrayList<>();
        sums.forEach((h, v) -> entries.add(new Entry(h, v)));
        return entries;
    }
}
