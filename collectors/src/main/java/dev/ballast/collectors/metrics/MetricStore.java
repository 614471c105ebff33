package dev.ballast.collectors.metrics;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where usage history lives. Windows come back oldest first, at most {@code maxSamples} long, ending with the
 * newest sample stored.
 */
public interface MetricStore {
    void writeVmUsage(VmId vm, UsageSample sample);

    /** Writes a VM's sample with the host it ran on; stores that record the host override this. */
    default void writeVmUsage(VmId vm, HostId host, UsageSample sample) {
        writeVmUsage(vm, sample);
    }

    void writeHostUsage(HostId host, UsageSample sample);

    /** Writes one interval of samples at once; stores that batch override this. */
    default void writeAll(Map<VmId, UsageSample> vmSamples, Map<HostId, UsageSample> hostSamples) {
        vmSamples.forEach(this::writeVmUsage);
        hostSamples.forEach(this::writeHostUsage);
    }

    /**
     * Writes one interval of samples with the host each VM ran on ({@code placement}; a VM missing from it is
     * written without a host); stores that record the host override this.
     */
    default void writeAll(Map<VmId, UsageSample> vmSamples, Map<VmId, HostId> placement,
                          Map<HostId, UsageSample> hostSamples) {
        writeAll(vmSamples, hostSamples);
    }

    /** Whether the store can persist and answer right now; an in-process store always can. */
    default StoreHealth health() {
        return StoreHealth.up(java.time.Instant.EPOCH);
    }

    List<UsageSample> vmWindow(VmId vm, int maxSamples);

    List<UsageSample> hostWindow(HostId host, int maxSamples);

    /**
     * The windows of many VMs at once, each as {@link #vmWindow} gives it; VMs without samples are left out. Stores
     * where one read per VM is slow (a database) override this with one query.
     */
    default Map<VmId, List<UsageSample>> vmWindows(Collection<VmId> vms, int maxSamples) {
        Map<VmId, List<UsageSample>> windows = new LinkedHashMap<>();
        for (VmId vm : vms) {
            List<UsageSample> window = vmWindow(vm, maxSamples);
            if (!window.isEmpty()) {
                windows.put(vm, window);
            }
        }
        return windows;
    }

    /**
     * The forecast a VM was planned with, for dashboards that compare it with what happened. Stores that feed no
     * dashboard (the in-memory default) do not keep it.
     */
    default void writeVmForecast(VmId vm, HostId host, UsageSample forecast) {
    }

    /** A finished live migration, for dashboards; not kept by stores that feed none. */
    default void writeMigration(MigrationRecord migration) {
    }

    /** A host's power state and draw at an instant, for dashboards; not kept by stores that feed none. */
    default void writeHostState(HostId host, java.time.Instant at, String state, double watts) {
    }
}
