package dev.ballast.predictors.forecast;

/**
 * Holt's linear trend method: a smoothed level and a smoothed per-interval trend; the forecast {@code h} intervals
 * ahead is {@code level + h·trend}, floored at 0. It starts from the oldest sample read and the slope of the first
 * few samples.
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

    /**
     * The slope between the means of the first k and the next k samples (k up to 6): one difference of noisy
     * samples would seed a trend that a small beta keeps for hours. Exact on a straight line.
     */
    static double initialTrend(double[] history, int from) {
        int k = Math.min((history.length - from) / 2, 6);
        if (k == 0) {
            return 0;
        }
        double first = 0;
        double second = 0;
        for (int i = 0; i < k; i++) {
            first += history[from + i];
            second += history[from + k + i];
        }
        return (second - first) / ((double) k * k);
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
        double trend = initialTrend(history, from);
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
