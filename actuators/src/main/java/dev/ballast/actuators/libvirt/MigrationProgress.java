package dev.ballast.actuators.libvirt;

import dev.ballast.collectors.cluster.VmId;

/** A reading of a running migration's job statistics (bytes; memory counts guest RAM only; iteration = pre-copy round). */
public record MigrationProgress(VmId vm, MigrationMode mode, long elapsedMillis, long memoryTotal, long memoryProcessed,
                                long memoryRemaining, long dataProcessed, long iteration) {
    /** Fraction of memory sent at least once, 0..1 (later rounds re-send dirtied pages). */
    public double fraction() {
        return memoryTotal <= 0 ? 0 : Math.min(1, (double) memoryProcessed / memoryTotal);
    }
}
