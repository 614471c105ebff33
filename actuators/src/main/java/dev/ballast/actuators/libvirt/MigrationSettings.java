package dev.ballast.actuators.libvirt;

import dev.ballast.collectors.cluster.VmId;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the libvirt driver migrates: the bandwidth cap per migration (MiB/s; KubeVirt uses 64), how long a migration
 * may run before its job is aborted, how often progress is read from the job statistics, the mode rule and per-VM
 * mode overrides, and how long a powered-on host may take until its libvirt answers.
 */
public record MigrationSettings(long bandwidthMibPerSecond, Duration timeout, Duration progressInterval,
                                MigrationModeRule rule, Map<VmId, MigrationMode> overrides, Duration bootTimeout) {
    public MigrationSettings {
        if (bandwidthMibPerSecond < 1) {
            throw new IllegalArgumentException("migration bandwidth must be >= 1 MiB/s, was " + bandwidthMibPerSecond);
        }
        Objects.requireNonNull(timeout, "migration timeout");
        Objects.requireNonNull(progressInterval, "progress interval");
        Objects.requireNonNull(rule, "migration mode rule");
        Objects.requireNonNull(bootTimeout, "boot timeout");
        if (timeout.isNegative() || timeout.isZero() || progressInterval.isNegative() || progressInterval.isZero()
                || bootTimeout.isNegative() || bootTimeout.isZero()) {
            throw new IllegalArgumentException("migration timeout, progress interval and boot timeout must be positive, were "
                    + timeout + ", " + progressInterval + ", " + bootTimeout);
        }
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    public static MigrationSettings defaults() {
        return new MigrationSettings(64, Duration.ofMinutes(10), Duration.ofMillis(500), MigrationModeRule.defaults(), Map.of(),
                Duration.ofMinutes(10));
    }

    public MigrationSettings withBandwidth(long mibPerSecond) {
        return new MigrationSettings(mibPerSecond, timeout, progressInterval, rule, overrides, bootTimeout);
    }

    public MigrationSettings withTimeout(Duration newTimeout) {
        return new MigrationSettings(bandwidthMibPerSecond, newTimeout, progressInterval, rule, overrides, bootTimeout);
    }

    public MigrationSettings withOverrides(Map<VmId, MigrationMode> newOverrides) {
        return new MigrationSettings(bandwidthMibPerSecond, timeout, progressInterval, rule, newOverrides, bootTimeout);
    }

    public MigrationSettings withBootTimeout(Duration newBootTimeout) {
        return new MigrationSettings(bandwidthMibPerSecond, timeout, progressInterval, rule, overrides, newBootTimeout);
    }

    public MigrationMode modeFor(VmId vm, double memoryMib, double dirtyMibPerSecond) {
        MigrationMode forced = overrides.get(vm);
        return forced != null ? forced : rule.choose(memoryMib, dirtyMibPerSecond, bandwidthMibPerSecond);
    }
}
