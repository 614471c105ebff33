package dev.ballast.collectors.libvirt;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * CPU use in cores from successive readings of a domain's cumulative CPU time: the CPU-time delta over the
 * wall-time delta, at most the domain's vCPUs. A domain read for the first time, or whose counter went back (it
 * restarted), has no figure until its next reading.
 */
final class CpuMeter {
    private record Reading(long cpuTimeNanos, long readAtNanos) {
    }

    private Map<String, Reading> previous = new HashMap<>();
    private Map<String, Reading> current = new HashMap<>();

    /** Records a reading and returns the cores used since the previous one of the same key. */
    OptionalDouble cores(String key, long cpuTimeNanos, long readAtNanos, int vcpus) {
        Reading now = new Reading(cpuTimeNanos, readAtNanos);
        current.put(key, now);
        Reading before = previous.get(key);
        if (before == null || readAtNanos <= before.readAtNanos || cpuTimeNanos < before.cpuTimeNanos) {
            return OptionalDouble.empty();
        }
        double cores = (double) (cpuTimeNanos - before.cpuTimeNanos) / (readAtNanos - before.readAtNanos);
        return OptionalDouble.of(Math.min(cores, Math.max(1, vcpus)));
    }

    /** Keeps a reading that was not renewed this round (its host was stale), so the next delta spans the gap. */
    void carryOver(String keyPrefix) {
        previous.forEach((k, v) -> {
            if (k.startsWith(keyPrefix)) {
                current.putIfAbsent(k, v);
            }
        });
    }

    /** Ends a round: readings not renewed (domains gone) are forgotten. */
    void endRound() {
        previous = current;
        current = new HashMap<>();
    }
}
