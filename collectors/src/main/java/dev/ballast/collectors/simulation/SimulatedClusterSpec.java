package dev.ballast.collectors.simulation;

import dev.ballast.collectors.cluster.PowerModel;
import dev.ballast.collectors.cluster.Resources;

import java.time.Duration;
import java.time.Instant;

/** The shape of a generated cluster: identical hosts, VMs drawn from a small menu of sizes, a seed. */
public record SimulatedClusterSpec(int hosts, int vms, long seed, Resources hostCapacity, PowerModel hostPower,
                                   Duration interval, Instant start) {
    /** The embedded default: about 20 hosts and 150 VMs, 5-minute intervals. */
    public static SimulatedClusterSpec defaults() {
        return new SimulatedClusterSpec(20, 150, 42L, new Resources(24, 128 * 1024),
                PowerModel.of(120, 150, 168, 184, 198, 212, 228, 246, 266, 286, 300),
                Duration.ofMinutes(5), Instant.parse("2026-01-05T00:00:00Z"));
    }

    public SimulatedClusterSpec {
        if (hosts < 1) {
            throw new IllegalArgumentException("hosts must be >= 1, was " + hosts);
        }
        if (vms < 0) {
            throw new IllegalArgumentException("vms must be >= 0, was " + vms);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
    }

    public SimulatedClusterSpec withSize(int hostCount, int vmCount) {
        return new SimulatedClusterSpec(hostCount, vmCount, seed, hostCapacity, hostPower, interval, start);
    }

    public SimulatedClusterSpec withSeed(long newSeed) {
        return new SimulatedClusterSpec(hosts, vms, newSeed, hostCapacity, hostPower, interval, start);
    }
}
