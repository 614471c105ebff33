package dev.ballast.predictors.forecast;

/** Argument checks shared by the estimators: they only read the tail they use, so they check only that tail. */
final class Histories {
    private Histories() {
    }

    /** Index of the first sample an estimator with this lookback reads, after checking those samples. */
    static int tailStart(double[] history, int lookback) {
        if (history == null || history.length == 0) {
            throw new IllegalArgumentException("history must hold at least one value, was " + (history == null ? "null" : "empty"));
        }
        int from = Math.max(0, history.length - lookback);
        for (int i = from; i < history.length; i++) {
            double v = history[i];
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("history[" + i + "] must be finite and >= 0, was " + v
                        + " (clean the series with SeriesCleaner first)");
            }
        }
        return from;
    }

    static void requireHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 interval, was " + horizon);
        }
    }

    static void requireLookback(int lookback) {
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback must be >= 1 sample, was " + lookback);
        }
    }

    static void requireSmoothing(String name, double value) {
        if (!Double.isFinite(value) || value <= 0 || value > 1) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + value);
        }
    }

    /** Samples after which a weight decaying by {@code factor} per step falls below 1e-6 (capped, at least 1). */
    static int decayLookback(double factor) {
        if (factor <= 0) {
            return 1;
        }
        return (int) Math.min(1024, Math.max(1, Math.ceil(Math.log(1e-6) / Math.log(factor))));
    }
}
