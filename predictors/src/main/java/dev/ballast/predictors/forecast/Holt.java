package dev.ballast.predictors.forecast;

/**
 * Holt's linear trend method: a smoothed level and a smoothed per-interval trend; the forecast {@code h} intervals
 * ahead is {@code level + h·trend}, floored at 0.
 */
public record Holt(double alpha, double beta, int lookback) implements Estimator {
    public Holt {
        Histories.requireSmoothing("alpha", alpha);
        Histories.requireSmoothing("beta", beta);
        Histories.requireLookback(lookback);
    }

    /** alpha 0.5, beta 0.1, over the last 8 hours (96 intervals of 5 minutes). */
    public static Holt defaults() {
        return new Holt(0.5, 0.1, 96);
    }

    @Override
    public String name() {
        return "holt(" + alpha + "," + beta + ")";
    }

    @Override
    public double next(double[] history) {
        return forecast(history, 1)[0];
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        Histories.requireHorizon(horizon);
        int from = Histories.tailStart(history, lookback);
        double level = history[from];
        double trend = history.length - from > 1 ? history[from + 1] - history[from] : 0;
        for (int t = from + 1; t < history.length; t++) {
            double previous = level;
            level = alpha * history[t] + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
        }
        double[] out = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            out[h - 1] = Math.max(0, level + h * trend);
        }
        return out;
    }
}
