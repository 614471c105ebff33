package dev.ballast.collectors.metrics;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;

import java.util.List;
import java.util.Map;

/**
 * Where usage history lives. Windows come back oldest first, at most {@code maxSamples} long, ending with the
 * newest sample stored.
 */
public interface MetricStore {
    void writeVmUsage(VmId vm, UsageSample sample);

    void writeHostUsage(HostId host, UsageSample sample);

    /** Writes one interval of samples at once; stores that batch override this. */
    default void writeAll(Map<VmId, UsageSample> vmSamples, Map<HostId, UsageSample> hostSamples) {
        vmSamples.forEach(this::writeVmUsage);
        hostSamples.forEach(this::writeHostUsage);
    }

    List<UsageSample> vmWindow(VmId vm, int maxSamples);

    List<UsageSample> hostWindow(HostId host, int maxSamples);
}
