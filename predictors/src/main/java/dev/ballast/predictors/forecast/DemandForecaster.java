package dev.ballast.predictors.forecast;

import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.MetricStore;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Forecasts each VM's demand for the next interval from its recent window in the metric store: the window is
 * cleaned ({@link SeriesCleaner}: order, duplicates, gaps) and each resource forecast by its estimator.
 */
public final class DemandForecaster {
    /** Gaps of up to this many missing intervals are interpolated; a longer one cuts the history. */
    public static final int MAX_INTERPOLATED_GAP = 3;

    private final MetricStore store;
    private final int windowSamples;
    private final Estimator cpuEstimator;
    private final Estimator memoryEstimator;
    private final Duration step;

    /** The default estimator ({@link DefaultEstimator#create()}) on CPU and memory; the interval is inferred from the window. */
    public DemandForecaster(MetricStore store, int windowSamples) {
        this(store, windowSamples, DefaultEstimator.create(), DefaultEstimator.create(), null);
    }

    /**
     * @param step the sampling interval of the store, or {@code null} to infer it per VM as the median spacing of
     *             its window
     */
    public DemandForecaster(MetricStore store, int windowSamples, Estimator cpuEstimator, Estimator memoryEstimator, Duration step) {
        this.store = Objects.requireNonNull(store, "metric store");
        if (windowSamples < 1) {
            throw new IllegalArgumentException("windowSamples must be >= 1, was " + windowSamples);
        }
        if (step != null && (step.isZero() || step.isNegative())) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        this.windowSamples = windowSamples;
        this.cpuEstimator = Objects.requireNonNull(cpuEstimator, "cpu estimator");
        this.memoryEstimator = Objects.requireNonNull(memoryEstimator, "memory estimator");
        this.step = step;
    }

    /** Empty when the store holds no sample of the VM. */
    public Optional<Forecast> forecastVm(VmId vm) {
        return history(vm).map(this::forecast);
    }

    private Forecast forecast(CleanHistory h) {
        return new Forecast(new Resources(cpuEstimator.next(h.cpu().values()), memoryEstimator.next(h.memory().values())),
                h.cpu().newestAt(), h.samples());
    }

    /** How many samples to fetch: the estimators' lookback and a little for duplicates, at most the window. */
    private int tailRequest() {
        return Math.min(windowSamples, Math.max(cpuEstimator.lookback(), memoryEstimator.lookback()) + 8);
    }

    /**
     * Forecasts many VMs with one bulk read of the store ({@link MetricStore#vmWindows}: one query on InfluxDB
     * instead of one per VM). VMs without samples are absent from the result; order follows {@code vms}.
     */
    public Map<VmId, Forecast> forecastVms(Collection<VmId> vms) {
        int request = tailRequest();
        Map<VmId, List<UsageSample>> windows = store.vmWindows(vms, request);
        Map<VmId, Forecast> out = new LinkedHashMap<>();
        for (VmId vm : vms) {
            List<UsageSample> window = windows.getOrDefault(vm, List.of());
            if (window.isEmpty()) {
                continue;
            }
            clean(window, window.size() < request || request == windowSamples)
                    .or(() -> clean(store.vmWindow(vm, windowSamples), true))
                    .map(this::forecast)
                    .ifPresent(f -> out.put(vm, f));
        }
        return out;
    }

    /**
     * Expected demand for each of the next {@code horizon} intervals (index 0 is the next one), e.g. to wake hosts
     * before a ramp. Empty when the store holds no sample of the VM.
     */
    public Optional<List<Resources>> forecastVmAhead(VmId vm, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 interval, was " + horizon);
        }
        return history(vm).map(h -> {
            double[] cpu = cpuEstimator.forecast(h.cpu().values(), horizon);
            double[] memory = memoryEstimator.forecast(h.memory().values(), horizon);
            List<Resources> out = new java.util.ArrayList<>(horizon);
            for (int i = 0; i < horizon; i++) {
                out.add(new Resources(cpu[i], memory[i]));
            }
            return List.copyOf(out);
        });
    }

    /** The VM's cleaned history, as much as the estimators read. */
    private Optional<CleanHistory> history(VmId vm) {
        // the estimators read only their lookback: fetch that (and a little for duplicates) rather than the whole
        // window, and the whole window only when cleaning ran out of readings before it had enough
        int request = tailRequest();
        List<UsageSample> window = store.vmWindow(vm, request);
        if (window.isEmpty()) {
            return Optional.empty();
        }
        Optional<CleanHistory> history = clean(window, window.size() < request || request == windowSamples);
        return history.isPresent() ? history : clean(store.vmWindow(vm, windowSamples), true);
    }

    /** Empty when the window turns out too short to be sure, and {@code complete} is false. */
    private Optional<CleanHistory> clean(List<UsageSample> window, boolean complete) {
        int n = window.size();
        long[] times = new long[n];
        double[] cpu = new double[n];
        double[] memory = new double[n];
        for (int i = 0; i < n; i++) {
            UsageSample sample = window.get(i);
            times[i] = SeriesCleaner.toMicros(sample.at());
            cpu[i] = sample.used().cpu();
            memory[i] = sample.used().memoryMib();
        }
        SeriesCleaner cleaner = new SeriesCleaner(step != null ? step : medianSpacing(times), MAX_INTERPOLATED_GAP);
        CleanSeries cpuSeries = cleaner.clean(times, cpu, cpuEstimator.lookback());
        CleanSeries memorySeries = cleaner.clean(times, memory, memoryEstimator.lookback());
        if (!complete && (cpuSeries.reachedOldest() || memorySeries.reachedOldest())) {
            return Optional.empty();
        }
        // usage samples are finite and >= 0 by construction, so neither series can come back empty
        return Optional.of(new CleanHistory(cpuSeries, memorySeries));
    }

    private record CleanHistory(CleanSeries cpu, CleanSeries memory) {
        int samples() {
            return Math.max(cpu.values().length, memory.values().length);
        }
    }

    /** The typical spacing of the samples (times in microseconds); 5 minutes when there are too few to tell. */
    static Duration medianSpacing(long[] epochMicros) {
        long[] gaps = new long[Math.max(0, epochMicros.length - 1)];
        int n = 0;
        boolean allEqual = true;
        for (int i = 1; i < epochMicros.length; i++) {
            long g = epochMicros[i] - epochMicros[i - 1];
            if (g > 0) {
                allEqual &= n == 0 || g == gaps[0];
                gaps[n++] = g;
            }
        }
        if (n == 0) {
            return Duration.ofMinutes(5);
        }
        if (!allEqual) {
            Arrays.sort(gaps, 0, n);
        }
        return Duration.of(gaps[n / 2], java.time.temporal.ChronoUnit.MICROS);
    }
}
