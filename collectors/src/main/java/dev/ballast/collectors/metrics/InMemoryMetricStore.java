package dev.ballast.collectors.metrics;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default: the last {@code capacityPerSeries} samples of each VM and host, in memory. A sample older
 * than the newest one of its series is dropped (history is append-only in time).
 */
public final class InMemoryMetricStore implements MetricStore {
    /** Two days at the 5-minute interval: enough for a daily season. */
    public static final int DEFAULT_CAPACITY = 576;

    private final int capacityPerSeries;
    private final Map<VmId, Series> vms = new ConcurrentHashMap<>();
    private final Map<HostId, Series> hosts = new ConcurrentHashMap<>();

    public InMemoryMetricStore() {
        this(DEFAULT_CAPACITY);
    }

    public InMemoryMetricStore(int capacityPerSeries) {
        if (capacityPerSeries < 1) {
            throw new IllegalArgumentException("capacityPerSeries must be >= 1, was " + capacityPerSeries);
        }
        this.capacityPerSeries = capacityPerSeries;
    }

    @Override
    public void writeVmUsage(VmId vm, UsageSample sample) {
        vms.computeIfAbsent(vm, k -> new Series(capacityPerSeries)).add(sample);
    }

    @Override
    public void writeHostUsage(HostId host, UsageSample sample) {
        hosts.computeIfAbsent(host, k -> new Series(capacityPerSeries)).add(sample);
    }

    @Override
    public List<UsageSample> vmWindow(VmId vm, int maxSamples) {
        Series s = vms.get(vm);
        return s == null ? List.of() : s.last(maxSamples);
    }

    @Override
    public List<UsageSample> hostWindow(HostId host, int maxSamples) {
        Series s = hosts.get(host);
        return s == null ? List.of() : s.last(maxSamples);
    }

    /** Forgets a VM that left the cluster. */
    public void forgetVm(VmId vm) {
        vms.remove(vm);
    }

    private static final class Series {
        private final int capacity;
        private final Deque<UsageSample> samples = new ArrayDeque<>();

        Series(int capacity) {
            this.capacity = capacity;
        }

        synchronized void add(UsageSample sample) {
            UsageSample newest = samples.peekLast();
            if (newest != null && !sample.at().isAfter(newest.at())) {
                return;
            }
            samples.addLast(sample);
            if (samples.size() > capacity) {
                samples.removeFirst();
            }
        }

        synchronized List<UsageSample> last(int max) {
            if (max <= 0) {
                return List.of();
            }
            // Read from the tail: a forecast needs the last few samples, not a copy of the whole series.
            int n = Math.min(max, samples.size());
            UsageSample[] window = new UsageSample[n];
            java.util.Iterator<UsageSample> newestFirst = samples.descendingIterator();
            for (int i = n - 1; i >= 0; i--) {
                window[i] = newestFirst.next();
            }
            return List.of(window);
        }
    }
}
