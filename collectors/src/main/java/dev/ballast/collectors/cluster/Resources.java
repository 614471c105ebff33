package dev.ballast.collectors.cluster;

/**
 * An amount of the two resources Ballast plans: CPU in cores (fractional; a host's capacity, a VM's vCPUs or its
 * demand) and memory in MiB.
 */
public record Resources(double cpu, double memoryMib) {
    public static final Resources ZERO = new Resources(0, 0);

    public Resources {
        if (!Double.isFinite(cpu) || cpu < 0) {
            throw new IllegalArgumentException("cpu must be a finite number >= 0, was " + cpu);
        }
        if (!Double.isFinite(memoryMib) || memoryMib < 0) {
            throw new IllegalArgumentException("memoryMib must be a finite number >= 0, was " + memoryMib);
        }
    }

    public static Resources of(double cpu, double memoryMib) {
        return new Resources(cpu, memoryMib);
    }

    public Resources plus(Resources other) {
        return new Resources(cpu + other.cpu, memoryMib + other.memoryMib);
    }

    /** Subtracts, flooring at zero: usage never goes negative through rounding. */
    public Resources minus(Resources other) {
        return new Resources(Math.max(0, cpu - other.cpu), Math.max(0, memoryMib - other.memoryMib));
    }

    public Resources times(double factor) {
        return new Resources(cpu * factor, memoryMib * factor);
    }

    public Resources max(Resources other) {
        return new Resources(Math.max(cpu, other.cpu), Math.max(memoryMib, other.memoryMib));
    }

    public Resources min(Resources other) {
        return new Resources(Math.min(cpu, other.cpu), Math.min(memoryMib, other.memoryMib));
    }

    public boolean fitsIn(Resources capacity) {
        return cpu <= capacity.cpu + 1e-9 && memoryMib <= capacity.memoryMib + 1e-9;
    }

    /** This amount as a fraction of the capacity, per resource (0 where the capacity is 0). */
    public Utilization utilizationOf(Resources capacity) {
        return new Utilization(ratio(cpu, capacity.cpu), ratio(memoryMib, capacity.memoryMib));
    }

    private static double ratio(double used, double capacity) {
        return capacity <= 0 ? 0 : used / capacity;
    }
}
