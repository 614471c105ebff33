package dev.ballast.predictors.forecast;

/**
 * Forecasts one resource of one VM from its history (utilization or absolute usage; oldest first, one value per
 * interval, every value finite and >= 0 — clean raw samples with {@link SeriesCleaner} first). Implementations
 * are stateless and thread-safe: one instance serves every VM.
 */
public interface Estimator {
    /** A short name with the parameters, as printed in the evaluation table. */
    String name();

    /** How many of the newest samples the estimator reads. Callers may pass more; only that tail is used. */
    int lookback();

    /** The expected value of the interval after the last observation, >= 0. */
    double next(double[] history);

    /** Expected values of the next {@code horizon} intervals; flat unless the estimator models trend or season. */
    default double[] forecast(double[] history, int horizon) {
        Histories.requireHorizon(horizon);
        double[] out = new double[horizon];
        java.util.Arrays.fill(out, next(history));
        return out;
    }
}
