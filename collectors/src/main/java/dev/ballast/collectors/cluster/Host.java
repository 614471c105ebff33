package dev.ballast.collectors.cluster;

import java.util.Map;
import java.util.Objects;

/** A hypervisor host: what it can hold, how it draws power, its state and its labels (rack, zone, ...). */
public record Host(HostId id, Resources capacity, HostState state, PowerModel power, Map<String, String> labels) {
    public Host {
        Objects.requireNonNull(id, "host id");
        Objects.requireNonNull(capacity, "capacity of host " + id);
        Objects.requireNonNull(state, "state of host " + id);
        Objects.requireNonNull(power, "power model of host " + id);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (capacity.cpu() <= 0 || capacity.memoryMib() <= 0) {
            throw new IllegalArgumentException("host " + id + " needs a positive capacity, was " + capacity);
        }
    }

    public Host withState(HostState newState) {
        return new Host(id, capacity, newState, power, labels);
    }
}
