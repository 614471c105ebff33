package dev.ballast.predictors.evaluation;

import dev.ballast.predictors.forecast.Estimator;
import dev.ballast.predictors.forecast.RecentErrorSelector;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walk-forward, one-interval-ahead evaluation: at every interval t from {@code warmup} on, each estimator sees the
 * series up to t (exclusive) and forecasts t. Forecasts are capped at 1 (a VM cannot use more than its
 * allocation; {@link dev.ballast.predictors.host.HostForecaster} caps the same way). A {@link RecentErrorSelector}
 * whose candidates are all among the estimators is replayed from their forecasts instead of being recomputed.
 */
public final class ForecastEvaluation {
    private final List<Estimator> estimators;
    private final int warmup;

    public ForecastEvaluation(List<Estimator> estimators, int warmup) {
        this.estimators = List.copyOf(Objects.requireNonNull(estimators, "estimators"));
        if (this.estimators.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no estimator given");
        }
        if (warmup < 1) {
            throw new IllegalArgumentException("warmup must be >= 1 interval, was " + warmup);
        }
        this.warmup = warmup;
    }

    public List<Estimator> estimators() {
        return estimators;
    }

    /** Metrics per estimator (in the given order) over all the series; series shorter than warmup + 1 add nothing. */
    public Map<Estimator, AccuracyMetrics> evaluate(List<double[]> series) {
        AccuracyAccumulator[] total = series.parallelStream()
                .map(this::evaluateOne)
                .reduce(ForecastEvaluation::merge)
                .orElseGet(this::emptyAccumulators);
        Map<Estimator, AccuracyMetrics> out = new LinkedHashMap<>();
        for (int e = 0; e < estimators.size(); e++) {
            out.put(estimators.get(e), total[e].metrics());
        }
        return out;
    }

    /** Every estimator's one-step forecasts of one series: {@code [estimator][t]}, valid for t >= 1. */
    public double[][] forecasts(double[] series) {
        double[][] f = new double[estimators.size()][series.length];
        List<Integer> selectors = new ArrayList<>();
        for (int e = 0; e < estimators.size(); e++) {
            if (estimators.get(e) instanceof RecentErrorSelector s && replayable(s)) {
                selectors.add(e);
                continue;
            }
            Estimator estimator = estimators.get(e);
            int lookback = estimator.lookback();
            for (int t = 1; t < series.length; t++) {
                double[] history = Arrays.copyOfRange(series, Math.max(0, t - lookback), t);
                f[e][t] = Math.min(1.0, estimator.next(history));
            }
        }
        for (int e : selectors) {
            RecentErrorSelector selector = (RecentErrorSelector) estimators.get(e);
            double[][] candidates = selector.candidates().stream().map(c -> f[estimators.indexOf(c)]).toArray(double[][]::new);
            for (int t = 1; t < series.length; t++) {
                f[e][t] = candidates[selector.choose(candidates, series, t)][t];
            }
        }
        return f;
    }

    private boolean replayable(RecentErrorSelector selector) {
        return estimators.containsAll(selector.candidates())
                && selector.candidates().stream().noneMatch(c -> c instanceof RecentErrorSelector);
    }

    private AccuracyAccumulator[] evaluateOne(double[] series) {
        AccuracyAccumulator[] acc = emptyAccumulators();
        if (series.length <= warmup) {
            return acc;
        }
        double[][] f = forecasts(series);
        double peakLevel = Math.max(new Percentile(95).evaluate(series), mean(series) + 1e-12);
        for (int t = warmup; t < series.length; t++) {
            boolean peak = series[t] >= peakLevel;
            for (int e = 0; e < estimators.size(); e++) {
                acc[e].add(f[e][t], series[t], peak);
            }
        }
        return acc;
    }

    private AccuracyAccumulator[] emptyAccumulators() {
        AccuracyAccumulator[] acc = new AccuracyAccumulator[estimators.size()];
        for (int e = 0; e < acc.length; e++) {
            acc[e] = new AccuracyAccumulator();
        }
        return acc;
    }

    private static AccuracyAccumulator[] merge(AccuracyAccumulator[] a, AccuracyAccumulator[] b) {
        for (int e = 0; e < a.length; e++) {
            a[e].add(b[e]);
        }
        return a;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
