package dev.ballast.predictors.host;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Utilization;
import dev.ballast.predictors.hotspot.HostTemperature;

import java.util.Objects;

/**
 * A host's expected demand for the next interval (the sum of its VMs' forecasts), as utilization of its capacity,
 * and its hot/warm/cold classification on that forecast.
 *
 * @param vmsWithoutHistory VMs counted at their full size because the store holds no sample of them yet
 */
public record HostOutlook(HostId host, Resources expectedDemand, Utilization expectedUtilization,
                          HostTemperature temperature, int vmsWithoutHistory) {
    public HostOutlook {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(expectedDemand, "expected demand of " + host);
        Objects.requireNonNull(expectedUtilization, "expected utilization of " + host);
        Objects.requireNonNull(temperature, "temperature of " + host);
        if (vmsWithoutHistory < 0) {
            throw new IllegalArgumentException("vmsWithoutHistory must be >= 0, was " + vmsWithoutHistory);
        }
    }
}
