package dev.ballast.predictors.forecast;

/**
 * Additive Holt-Winters with a season of {@code seasonLength} intervals (a day: 288 at 5 minutes). It needs two
 * whole seasons of history and until then forecasts as {@link Holt} with the same alpha and beta. It reads at most
 * three seasons: the initial seasonal profile is the mean deviation of each phase over the whole seasons read, the
 * initial level the first season's mean and the trend the slope between the first and last seasons' means; then
 * it smooths from the second season on.
 */
public record HoltWinters(double alpha, double beta, double gamma, int seasonLength) implements Estimator {
    public HoltWinters {
        Histories.requireSmoothing("alpha", alpha);
        Histories.requireSmoothing("beta", beta);
        Histories.requireSmoothing("gamma", gamma);
        if (seasonLength < 2) {
            throw new IllegalArgumentException("seasonLength must be >= 2 intervals, was " + seasonLength);
        }
    }

    /** A daily season at 5-minute intervals; alpha 0.5, beta 0.01, gamma 0.1. */
    public static HoltWinters daily() {
        return new HoltWinters(0.5, 0.01, 0.1, 288);
    }

    @Override
    public String name() {
        return "holt-winters(" + alpha + "," + beta + "," + gamma + ")";
    }

    @Override
    public int lookback() {
        return 3 * seasonLength;
    }

    @Override
    public double next(double[] history) {
        return forecast(history, 1)[0];
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        Histories.requireHorizon(horizon);
        if (history != null && history.length < 2 * seasonLength) {
            return new Holt(alpha, beta, 2 * seasonLength).forecast(history, horizon);
        }
        int from = Histories.tailStart(history, lookback());
        int n = history.length - from;
        int s = seasonLength;
        int seasons = n / s;
        // start where whole seasons end, so the initial profile is built from whole seasons only
        int offset = n - seasons * s;
        double[] means = new double[seasons];
        for (int j = 0; j < seasons; j++) {
            means[j] = mean(history, from + offset + j * s, s);
        }
        // the seasonal profile averages every whole season's deviations from its own mean: one day alone would
        // carry that day's noise into every later forecast
        double[] seasonal = new double[s];
        for (int j = 0; j < seasons; j++) {
            for (int k = 0; k < s; k++) {
                seasonal[k] += (history[from + offset + j * s + k] - means[j]) / seasons;
            }
        }
        double level = means[0];
        double trend = (means[seasons - 1] - means[0]) / ((seasons - 1) * (double) s);
        for (int i = offset + s; i < n; i++) {
            double x = history[from + i];
            int phase = (i - offset) % s;
            double previous = level;
            level = alpha * (x - seasonal[phase]) + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
            seasonal[phase] = gamma * (x - level) + (1 - gamma) * seasonal[phase];
        }
        double[] out = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            out[h - 1] = Math.max(0, level + h * trend + seasonal[(n - offset + h - 1) % s]);
        }
        return out;
    }

    private static double mean(double[] values, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += values[i];
        }
        return sum / length;
    }
}
