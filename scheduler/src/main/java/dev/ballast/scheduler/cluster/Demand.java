package dev.ballast.scheduler.cluster;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.VmId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as observed at one instant, with each VM's latest usage, its forecast demand, and the time of the
 * newest usage sample (empty when there is none): how fresh the metrics are.
 */
public record Demand(ClusterSnapshot cluster, Map<VmId, Resources> usage, Map<VmId, Resources> forecast,
                     Optional<Instant> newestSample) {
    public Demand {
        usage = Map.copyOf(usage);
        forecast = Map.copyOf(forecast);
    }

    public Demand(ClusterSnapshot cluster, Map<VmId, Resources> usage, Map<VmId, Resources> forecast) {
        this(cluster, usage, forecast, Optional.empty());
    }
}
