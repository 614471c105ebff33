package dev.ballast.scheduler.cluster;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.VmId;

import java.util.Map;

/** The cluster as observed at one instant, with each VM's latest usage and its forecast demand. */
public record Demand(ClusterSnapshot cluster, Map<VmId, Resources> usage, Map<VmId, Resources> forecast) {
    public Demand {
        usage = Map.copyOf(usage);
        forecast = Map.copyOf(forecast);
    }
}
