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
 * Walk-forward evaluation: at every origin from {@code warmup} on, each estimator sees the series before the origin
 * and forecasts {@code horizon} intervals; the last of them is scored against the actual value. Forecasts are capped at 1 (a VM cannot use more than its
 * allocation; {@link dev.ballast.predictors.host.HostForecaster} caps the same way). A {@link RecentErrorSelector}
 * whose candidates are all among the estimators is replayed from their forecasts instead of being recomputed.
 */
public final class ForecastEvaluation {
    private final List<Estimator> estimators;
    private final int warmup;
    private final int horizon;

    public ForecastEvaluation(List<Estimator> estimators, int warmup) {
        this(estimators, warmup, 1);
    }

    /**
     * @param horizon how far ahead the scored forecast is: 1 scores the next interval; h scores the forecast of
     *                interval t made from the samples before t - h + 1 (the last of an h-interval forecast)
     */
    public ForecastEvaluation(List<Estimator> estimators, int warmup, int horizon) {
        this.estimators = List.copyOf(Objects.requireNonNull(estimators, "estimators"));
        if (this.estimators.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no estimator given");
        }
        if (warmup < 1) {
            throw new IllegalArgumentException("warmup must be >= 1 interval, was " + warmup);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 interval, was " + horizon);
        }
        this.warmup = warmup;
        this.horizon = horizon;
    }

    public int horizon() {
        return horizon;
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

    /**
     * Every estimator's forecasts of one series at this evaluation's horizon: {@code [estimator][t]} is the
     * forecast of {@code series[t]} made from {@code series[0 .. t - horizon + 1)}, valid for t >= horizon.
     */
    public double[][] forecasts(double[] series) {
        int n = series.length;
        double[][] oneStep = new double[estimators.size()][];
        double[][] ahead = new double[estimators.size()][];
        List<Integer> selectors = new ArrayList<>();
        for (int e = 0; e < estimators.size(); e++) {
            if (estimators.get(e) instanceof RecentErrorSelector s && replayable(s)) {
                selectors.add(e);
                continue;
            }
            Estimator estimator = estimators.get(e);
            int lookback = estimator.lookback();
            oneStep[e] = new double[n];
            ahead[e] = horizon == 1 ? oneStep[e] : new double[n];
            for (int origin = 1; origin < n; origin++) {
                double[] history = Arrays.copyOfRange(series, Math.max(0, origin - lookback), origin);
                if (horizon == 1) {
                    oneStep[e][origin] = Math.min(1.0, estimator.next(history));
                } else {
                    double[] f = estimator.forecast(history, horizon);
                    oneStep[e][origin] = Math.min(1.0, f[0]);
                    if (origin + horizon - 1 < n) {
                        ahead[e][origin + horizon - 1] = Math.min(1.0, f[horizon - 1]);
                    }
                }
            }
        }
        // a selector chooses at the forecast's origin, by the one-step errors known then
        for (int e : selectors) {
            RecentErrorSelector selector = (RecentErrorSelector) estimators.get(e);
            int[] index = selector.candidates().stream().mapToInt(estimators::indexOf).toArray();
            double[][] candidatesOneStep = Arrays.stream(index).mapToObj(c -> oneStep[c]).toArray(double[][]::new);
            ahead[e] = new double[n];
            for (int origin = 1; origin + horizon - 1 < n; origin++) {
                int chosen = index[selector.choose(candidatesOneStep, series, origin)];
                ahead[e][origin + horizon - 1] = ahead[chosen][origin + horizon - 1];
            }
        }
        return ahead;
    }

    private boolean replayable(RecentErrorSelector selector) {
        return estimators.containsAll(selector.candidates())
                && selector.candidates().stream().noneMatch(c -> c instanceof RecentErrorSelector);
    }

    private AccuracyAccumulator[] evaluateOne(double[] series) {
        AccuracyAccumulator[] acc = emptyAccumulators();
        int first = warmup + horizon - 1;
        if (series.length <= first) {
            return acc;
        }
        double[][] f = forecasts(series);
        double peakLevel = Math.max(new Percentile(95).evaluate(series), mean(series) + 1e-12);
        for (int t = first; t < series.length; t++) {
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
