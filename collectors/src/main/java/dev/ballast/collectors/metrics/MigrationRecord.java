package dev.ballast.collectors.metrics;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

import java.time.Instant;
import java.util.Objects;

/** One live migration as it ended: when, which VM from where to where, how much memory, how long, and how it ended. */
public record MigrationRecord(Instant at, VmId vm, HostId source, HostId target, double memoryMib, double seconds, String outcome) {
    public MigrationRecord {
        Objects.requireNonNull(at, "migration time");
        Objects.requireNonNull(vm, "migrated vm");
        Objects.requireNonNull(source, "migration source");
        Objects.requireNonNull(target, "migration target");
        Objects.requireNonNull(outcome, "migration outcome");
    }
}
