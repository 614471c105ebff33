package dev.ballast.actuators.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * What the executor allows at once, whatever the plan asks: migrations and power actions in flight in the whole
 * cluster, migrations leaving and entering each host; and how long one step may take before it is aborted.
 * The defaults follow KubeVirt's (5 per cluster, 2 outbound per node) with 2 inbound per host.
 */
public record ExecutionLimits(int maxConcurrent, int maxOutgoingPerHost, int maxIncomingPerHost,
                              Duration migrationTimeout, Duration powerTimeout) {
    public ExecutionLimits {
        requirePositive("maxConcurrent", maxConcurrent);
        requirePositive("maxOutgoingPerHost", maxOutgoingPerHost);
        requirePositive("maxIncomingPerHost", maxIncomingPerHost);
        requirePositive("migrationTimeout", migrationTimeout);
        requirePositive("powerTimeout", powerTimeout);
    }

    public static ExecutionLimits defaults() {
        return new ExecutionLimits(5, 2, 2, Duration.ofMinutes(15), Duration.ofMinutes(10));
    }

    /** One step at a time. */
    public static ExecutionLimits sequential() {
        return defaults().withConcurrency(1, 1, 1);
    }

    public ExecutionLimits withConcurrency(int global, int outgoingPerHost, int incomingPerHost) {
        return new ExecutionLimits(global, outgoingPerHost, incomingPerHost, migrationTimeout, powerTimeout);
    }

    public ExecutionLimits withTimeouts(Duration migration, Duration power) {
        return new ExecutionLimits(maxConcurrent, maxOutgoingPerHost, maxIncomingPerHost, migration, power);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
