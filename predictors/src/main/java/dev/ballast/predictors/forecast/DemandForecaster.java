package dev.ballast.predictors.forecast;

import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.MetricStore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Forecasts each VM's demand for the next interval from its recent window in the metric store. */
public final class DemandForecaster {
    private final MetricStore store;
    private final int windowSamples;
    private final FastUpSlowDown estimator;

    public DemandForecaster(MetricStore store, int windowSamples) {
        this.store = Objects.requireNonNull(store, "metric store");
        if (windowSamples < 1) {
            throw new IllegalArgumentException("windowSamples must be >= 1, was " + windowSamples);
        }
        this.windowSamples = windowSamples;
        this.estimator = FastUpSlowDown.paperDefaults();
    }

    /** Empty when the store holds no sample of the VM. */
    public Optional<Forecast> forecastVm(VmId vm) {
        List<UsageSample> window = store.vmWindow(vm, windowSamples);
        if (window.isEmpty()) {
            return Optional.empty();
        }
        double[] cpu = new double[window.size()];
        double[] memory = new double[window.size()];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = window.get(i).used().cpu();
            memory[i] = window.get(i).used().memoryMib();
        }
        // FUSD overshoots a rise but never drops below zero on non-negative input; the floor guards rounding.
        Resources expected = new Resources(Math.max(0, estimator.forecast(cpu)), Math.max(0, estimator.forecast(memory)));
        return Optional.of(new Forecast(expected, window.getLast().at(), window.size()));
    }
}
