package dev.ballast.collectors.cluster;

import java.util.Map;
import java.util.Objects;

/**
 * A virtual machine: its allocation (vCPUs, memory), the host it runs on, the rate at which it dirties memory
 * (MiB/s, 0 when unknown; it prices a live migration) and its labels.
 */
public record Vm(VmId id, Resources size, HostId host, double dirtyRateMibPerSecond, Map<String, String> labels) {
    public Vm {
        Objects.requireNonNull(id, "vm id");
        Objects.requireNonNull(size, "size of vm " + id);
        Objects.requireNonNull(host, "host of vm " + id);
        if (!Double.isFinite(dirtyRateMibPerSecond) || dirtyRateMibPerSecond < 0) {
            throw new IllegalArgumentException("dirty rate of vm " + id + " must be >= 0 MiB/s, was " + dirtyRateMibPerSecond);
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public Vm onHost(HostId newHost) {
        return new Vm(id, size, newHost, dirtyRateMibPerSecond, labels);
    }
}
