package dev.ballast.predictors.forecast;

import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.MetricStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        List<UsageSample> window = store.vmWindow(vm, windowSamples);
        if (window.isEmpty()) {
            return Optional.empty();
        }
        SeriesCleaner cleaner = new SeriesCleaner(step != null ? step : medianSpacing(window), MAX_INTERPOLATED_GAP);
        List<Observation> cpu = new ArrayList<>(window.size());
        List<Observation> memory = new ArrayList<>(window.size());
        for (UsageSample s : window) {
            cpu.add(new Observation(s.at(), s.used().cpu()));
            memory.add(new Observation(s.at(), s.used().memoryMib()));
        }
        CleanSeries cpuSeries = cleaner.clean(cpu);
        CleanSeries memorySeries = cleaner.clean(memory);
        // usage samples are finite and >= 0 by construction, so neither series can come back empty
        Resources expected = new Resources(cpuEstimator.next(cpuSeries.values()), memoryEstimator.next(memorySeries.values()));
        return Optional.of(new Forecast(expected, cpuSeries.newestAt(), cpuSeries.values().length));
    }

    /** The typical spacing of the window's samples; 5 minutes when there are too few to tell. */
    static Duration medianSpacing(List<UsageSample> window) {
        long[] gaps = new long[Math.max(0, window.size() - 1)];
        int n = 0;
        for (int i = 1; i < window.size(); i++) {
            long g = Duration.between(window.get(i - 1).at(), window.get(i).at()).toMillis();
            if (g > 0) {
                gaps[n++] = g;
            }
        }
        if (n == 0) {
            return Duration.ofMinutes(5);
        }
        Arrays.sort(gaps, 0, n);
        return Duration.ofMillis(gaps[n / 2]);
    }
}
