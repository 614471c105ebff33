package dev.ballast.scheduler.benchmark;

import java.util.List;

/** A VM size of the benchmark: one core of {@code mips}, {@code ramMb} of memory. */
public record VmType(double mips, int ramMb) {
    /** CloudSim's PlanetLab VM types, assigned in four contiguous quarters of the trace files. */
    public static final List<VmType> CLOUDSIM = List.of(
            new VmType(2500, 870), new VmType(2000, 1740), new VmType(1000, 1740), new VmType(500, 613));

    public VmType {
        if (mips <= 0 || ramMb <= 0) {
            throw new IllegalArgumentException("a VM type needs mips > 0 and ramMb > 0, was " + mips + ", " + ramMb);
        }
    }

    /** The type of VM {@code index} of {@code count}: CloudSim's {@code i / ceil(count / 4)}. */
    public static VmType cloudSimTypeOf(int index, int count) {
        int perQuarter = (int) Math.ceil((double) count / CLOUDSIM.size());
        return CLOUDSIM.get(index / perQuarter);
    }
}
