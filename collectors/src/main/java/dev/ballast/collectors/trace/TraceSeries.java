package dev.ballast.collectors.trace;

import dev.ballast.collectors.cluster.Resources;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One VM's usage from a public trace, on a regular grid: sample {@code k} covers the interval starting at
 * {@code start + k·step}. Values are utilization fractions of the VM's own capacity, in [0, 1].
 *
 * @param name        the trace's name for the VM (file name without extension)
 * @param start       the time of the first sample (nominal where the trace has no absolute time)
 * @param step        the sampling interval (300 s for all three formats)
 * @param cpu         CPU utilization per interval
 * @param memory      memory utilization per interval, or {@code null} when the trace has none (PlanetLab)
 * @param provisioned the VM's size when the trace records it (Bitbrains), else {@code null}
 */
public record TraceSeries(String name, Instant start, Duration step, double[] cpu, double[] memory, Resources provisioned) {
    public TraceSeries {
        Objects.requireNonNull(name, "trace name");
        Objects.requireNonNull(start, "trace start");
        Objects.requireNonNull(step, "trace step");
        Objects.requireNonNull(cpu, "cpu series");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, was " + step + " in " + name);
        }
        if (cpu.length == 0) {
            throw new IllegalArgumentException("trace " + name + " has no samples");
        }
        requireFractions(name, "cpu", cpu);
        if (memory != null) {
            if (memory.length != cpu.length) {
                throw new IllegalArgumentException("trace " + name + " has " + cpu.length + " cpu samples but "
                        + memory.length + " memory samples");
            }
            requireFractions(name, "memory", memory);
        }
    }

    public int length() {
        return cpu.length;
    }

    public boolean hasMemory() {
        return memory != null;
    }

    public Optional<Resources> provisionedSize() {
        return Optional.ofNullable(provisioned);
    }

    public Instant end() {
        return start.plus(step.multipliedBy(cpu.length));
    }

    private static void requireFractions(String name, String resource, double[] values) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v) || v < 0 || v > 1) {
                throw new IllegalArgumentException(resource + " sample " + i + " of trace " + name
                        + " must be a fraction in [0, 1], was " + v);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceSeries t && name.equals(t.name) && start.equals(t.start) && step.equals(t.step)
                && Arrays.equals(cpu, t.cpu) && Arrays.equals(memory, t.memory) && Objects.equals(provisioned, t.provisioned);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, start, step, Arrays.hashCode(cpu), Arrays.hashCode(memory), provisioned);
    }

    @Override
    public String toString() {
        return "TraceSeries[" + name + ", " + start + ", " + cpu.length + " x " + step + (hasMemory() ? ", cpu+memory" : ", cpu") + "]";
    }
}
