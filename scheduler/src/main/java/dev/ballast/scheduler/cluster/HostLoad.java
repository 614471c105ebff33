package dev.ballast.scheduler.cluster;

import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Utilization;
import dev.ballast.predictors.hotspot.HostTemperature;

/** One host under one placement: its VMs' summed demand, utilization, temperature and power. */
public record HostLoad(Host host, HostState state, int vms, Resources demand, Utilization utilization,
                       HostTemperature temperature, double watts) {
}
