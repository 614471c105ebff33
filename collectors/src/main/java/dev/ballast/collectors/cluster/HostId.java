package dev.ballast.collectors.cluster;

import java.util.Objects;

/** The name of a hypervisor host, unique within a cluster. */
public record HostId(String value) implements Comparable<HostId> {
    public HostId {
        Objects.requireNonNull(value, "host id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("host id must not be blank");
        }
    }

    public static HostId of(String value) {
        return new HostId(value);
    }

    @Override
    public int compareTo(HostId other) {
        return NaturalOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
