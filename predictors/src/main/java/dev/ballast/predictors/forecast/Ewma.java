package dev.ballast.predictors.forecast;

/** Exponentially weighted moving average {@code E(t) = alpha·O(t) + (1-alpha)·E(t-1)}, starting at the first sample read. */
public record Ewma(double alpha) implements Estimator {
    public Ewma {
        Histories.requireSmoothing("alpha", alpha);
    }

    @Override
    public String name() {
        return "ewma(" + alpha + ")";
    }

    /** Older samples weigh less than 1e-6: reading them changes nothing. */
    @Override
    public int lookback() {
        return Histories.decayLookback(1 - alpha);
    }

    @Override
    public double next(double[] history) {
        int from = Histories.tailStart(history, lookback());
        double e = history[from];
        for (int i = from + 1; i < history.length; i++) {
            e = alpha * history[i] + (1 - alpha) * e;
        }
        return e;
    }
}
