package dev.ballast.collectors.cluster;

import java.util.Objects;

/** The name of a virtual machine, unique within a cluster. */
public record VmId(String value) implements Comparable<VmId> {
    public VmId {
        Objects.requireNonNull(value, "vm id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("vm id must not be blank");
        }
    }

    public static VmId of(String value) {
        return new VmId(value);
    }

    @Override
    public int compareTo(VmId other) {
        return NaturalOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
