package dev.ballast.scheduler.planning;

import java.util.Arrays;
import java.util.Locale;

/**
 * A resource the balance targets and safety capacities speak of, in the units the capacity constraints use: CPU as
 * CPU demand in milli-cores, memory as allocated MiB.
 */
public enum PlanningResource {
    CPU("milli-cores"),
    MEMORY("MiB");

    private final String unit;

    PlanningResource(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    /** What the host's VMs use of this resource, given their summed CPU demand and allocated memory. */
    long used(long cpuDemand, long memory) {
        return this == CPU ? cpuDemand : memory;
    }

    /** What the plan may use on the host (its hard limit). */
    long limit(PlanningHost host) {
        return this == CPU ? host.getCpuLimit() : host.getMemoryLimit();
    }

    long capacity(PlanningHost host) {
        return this == CPU ? host.getCpuCapacity() : host.getMemoryCapacity();
    }

    /** Case-insensitive; the error lists the valid names. */
    public static PlanningResource parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("resource '" + name + "' is unknown, expected one of " + Arrays.toString(values()), e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
