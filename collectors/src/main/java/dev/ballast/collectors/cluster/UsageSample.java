package dev.ballast.collectors.cluster;

import java.time.Instant;
import java.util.Objects;

/** What a VM or host used at one instant: CPU in cores, memory in MiB. */
public record UsageSample(Instant at, Resources used) {
    public UsageSample {
        Objects.requireNonNull(at, "sample time");
        Objects.requireNonNull(used, "sample usage");
    }

    public static UsageSample of(Instant at, double cpu, double memoryMib) {
        return new UsageSample(at, new Resources(cpu, memoryMib));
    }
}
