package dev.ballast.predictors.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Picks, per VM and per call, the candidate whose one-step forecasts over the VM's last {@code errorWindow}
 * intervals cost least under {@code loss}, and forecasts with it. It is stateless: the recent errors are
 * recomputed from the history (each candidate replayed on the history's prefixes), so any VM can be forecast
 * on any thread without bookkeeping.
 */
public final class RecentErrorSelector implements Estimator {
    private final List<Estimator> candidates;
    private final int errorWindow;
    private final ForecastLoss loss;
    private final int lookback;

    public RecentErrorSelector(List<Estimator> candidates, int errorWindow, ForecastLoss loss) {
        this.candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
        if (this.candidates.isEmpty()) {
            throw new IllegalArgumentException("a selector needs at least one candidate, was none");
        }
        if (errorWindow < 1) {
            throw new IllegalArgumentException("errorWindow must be >= 1 interval, was " + errorWindow);
        }
        this.errorWindow = errorWindow;
        this.loss = Objects.requireNonNull(loss, "loss");
        this.lookback = this.candidates.stream().mapToInt(Estimator::lookback).max().orElseThrow() + errorWindow;
    }

    public List<Estimator> candidates() {
        return candidates;
    }

    public int errorWindow() {
        return errorWindow;
    }

    @Override
    public String name() {
        return "select" + errorWindow + "[" + candidates.stream().map(Estimator::name).collect(Collectors.joining(",")) + "]";
    }

    @Override
    public int lookback() {
        return lookback;
    }

    @Override
    public double next(double[] history) {
        return chosen(history).next(history);
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        return chosen(history).forecast(history, horizon);
    }

    /** The candidate that would forecast this history. */
    public Estimator chosen(double[] history) {
        int from = Histories.tailStart(history, lookback);
        int n = history.length;
        int replay = Math.min(errorWindow, n - 1 - from);
        if (replay < 1) {
            return candidates.getFirst();
        }
        int best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int c = 0; c < candidates.size(); c++) {
            Estimator candidate = candidates.get(c);
            double cost = 0;
            for (int j = n - replay; j < n; j++) {
                double[] prefix = Arrays.copyOfRange(history, Math.max(from, j - candidate.lookback()), j);
                cost += loss.cost(candidate.next(prefix), history[j]);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return candidates.get(best);
    }

    /**
     * The same choice from forecasts already computed: {@code forecasts[c][j]} is candidate c's forecast of
     * {@code actuals[j]} made from the samples before j (valid for j >= 1). Chooses for the forecast of index
     * {@code t} from the errors at j in [max(1, t - errorWindow), t). The evaluation uses this to replay the
     * selector without recomputing every candidate; it equals {@link #chosen} on the same full history.
     */
    public int choose(double[][] forecasts, double[] actuals, int t) {
        int first = Math.max(1, t - errorWindow);
        if (first >= t) {
            return 0;
        }
        int best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int c = 0; c < forecasts.length; c++) {
            double cost = 0;
            for (int j = first; j < t; j++) {
                cost += loss.cost(forecasts[c][j], actuals[j]);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }
}
