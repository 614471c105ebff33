package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.TraceSeries;

import java.util.List;

/**
 * The clairvoyant energy bound of DESIGN.md §4: in each 300 s interval the total demand of all VMs served by
 * fully loaded G5 hosts (a fractional number of them, each at its peak power), no migration, no violation.
 * Where memory is a capacity (the realistic model) the fractional hosts must also hold the VMs' memory: with
 * hosts of type t an interval needs n_t = max(CPU demand ÷ t's MIPS, allocated memory ÷ host memory) of them,
 * each at the CPU utilization that leaves, and the bound takes the cheaper type (G4s when memory binds and CPU
 * is low: their idle power is lower; always G5s when memory does not bind, as above).
 */
final class ClairvoyantBound {
    private ClairvoyantBound() {
    }

    static RunResult of(List<TraceSeries> traces, String day, double limitSeconds) {
        return of(traces, day, limitSeconds, 0);
    }

    /** @param hostMemoryMb memory of a host when memory is a capacity, else 0 */
    static RunResult of(List<TraceSeries> traces, String day, double limitSeconds, int hostMemoryMb) {
        int count = traces.size();
        int intervals = (int) Math.min(Math.floor(limitSeconds / SimulatedWorld.INTERVAL), traces.getFirst().length());
        HostType g5 = HostType.G5;
        double joules = 0;
        int[] hosts = new int[intervals];
        double memoryMb = 0;
        for (int i = 0; i < count; i++) {
            memoryMb += VmType.cloudSimTypeOf(i, count).ramMb();
        }
        for (int k = 0; k < intervals; k++) {
            double mips = 0;
            for (int i = 0; i < count; i++) {
                double[] cpu = traces.get(i).cpu();
                if (k < cpu.length) {
                    mips += cpu[k] * VmType.cloudSimTypeOf(i, count).mips();
                }
            }
            double fullHosts = mips / g5.totalMips();
            if (hostMemoryMb == 0) {
                joules += fullHosts * g5.power().maxPower() * SimulatedWorld.INTERVAL;
                hosts[k] = (int) Math.ceil(fullHosts);
                continue;
            }
            double memoryHosts = memoryMb / hostMemoryMb;
            double best = Double.MAX_VALUE;
            for (HostType type : List.of(HostType.G4, HostType.G5)) {
                double n = Math.max(mips / type.totalMips(), memoryHosts);
                double watts = n == 0 ? 0 : n * type.power().power(mips / (n * type.totalMips()));
                if (watts < best) {
                    best = watts;
                    hosts[k] = (int) Math.ceil(n);
                }
            }
            joules += best * SimulatedWorld.INTERVAL;
        }
        return new RunResult("Bound", day, count, joules / 3_600_000.0, 0, 0, 0, hosts, 0, 0, 0, 0, 0, 0, 0, MemoryFigures.NONE);
    }
}
