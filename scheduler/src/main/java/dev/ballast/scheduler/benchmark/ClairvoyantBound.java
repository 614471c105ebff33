package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.TraceSeries;

import java.util.List;

/**
 * The clairvoyant energy bound of DESIGN.md §4: in each 300 s interval the total demand of all VMs served by
 * fully loaded G5 hosts (a fractional number of them, each at its peak power), no migration, no violation.
 */
final class ClairvoyantBound {
    private ClairvoyantBound() {
    }

    static RunResult of(List<TraceSeries> traces, String day, double limitSeconds) {
        int count = traces.size();
        int intervals = (int) Math.min(Math.floor(limitSeconds / CloudSimWorld.INTERVAL), traces.getFirst().length());
        HostType g5 = HostType.G5;
        double joules = 0;
        int[] hosts = new int[intervals];
        for (int k = 0; k < intervals; k++) {
            double mips = 0;
            for (int i = 0; i < count; i++) {
                double[] cpu = traces.get(i).cpu();
                if (k < cpu.length) {
                    mips += cpu[k] * VmType.cloudSimTypeOf(i, count).mips();
                }
            }
            double fullHosts = mips / g5.totalMips();
            joules += fullHosts * g5.power().maxPower() * CloudSimWorld.INTERVAL;
            hosts[k] = (int) Math.ceil(fullHosts);
        }
        return new RunResult("Bound", day, count, joules / 3_600_000.0, 0, 0, 0, hosts, 0, 0, 0, 0, 0, 0, 0);
    }
}
