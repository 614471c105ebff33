package dev.ballast.actuators.plan;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

import java.util.Locale;
import java.util.Objects;

/** Moves a running VM from one host to another without stopping it. */
public record LiveMigrate(VmId vm, HostId source, HostId target, double memoryMib, String reason) implements PlanStep {
    public LiveMigrate {
        Objects.requireNonNull(vm, "vm of a live migration");
        Objects.requireNonNull(source, "source host of the migration of " + vm);
        Objects.requireNonNull(target, "target host of the migration of " + vm);
        if (source.equals(target)) {
            throw new IllegalArgumentException("migration of " + vm + " has the same source and target " + source);
        }
        if (!Double.isFinite(memoryMib) || memoryMib < 0) {
            throw new IllegalArgumentException("memory of the migration of " + vm + " must be >= 0 MiB, was " + memoryMib);
        }
        reason = reason == null ? "" : reason;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "migrate %s %s → %s (%.0f MiB)", vm, source, target, memoryMib);
    }
}
