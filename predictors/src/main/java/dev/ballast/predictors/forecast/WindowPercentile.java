package dev.ballast.predictors.forecast;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** A high percentile of the last {@code window} samples: a reservation that covers all but the rarest peaks. */
public record WindowPercentile(int window, double percentile) implements Estimator {
    public WindowPercentile {
        Histories.requireLookback(window);
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
        }
    }

    @Override
    public String name() {
        return "p" + (percentile == Math.rint(percentile) ? String.valueOf((int) percentile) : String.valueOf(percentile)) + "(" + window + ")";
    }

    @Override
    public int lookback() {
        return window;
    }

    @Override
    public double next(double[] history) {
        int from = Histories.tailStart(history, window);
        // a new Percentile per call: the instance caches pivots and is not safe to share across threads
        return new Percentile(percentile).evaluate(history, from, history.length - from);
    }
}
