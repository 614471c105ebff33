package dev.ballast.predictors.forecast;

/**
 * Fast-up/slow-down smoothing (Xiao, Song, Chen, TPDS 2013): {@code E(t) = a·E(t-1) + (1-a)·O(t)} with
 * {@code a = alphaUp} when the observation rises above the estimate and {@code a = alphaDown} when it does not.
 * A negative {@code alphaUp} makes the estimate overshoot a rise (react fast); a large {@code alphaDown} makes it
 * decay slowly, so a VM keeps its reservation through short dips.
 */
public record FastUpSlowDown(double alphaUp, double alphaDown) implements Estimator {
    public FastUpSlowDown {
        requireAlpha("alphaUp", alphaUp);
        requireAlpha("alphaDown", alphaDown);
    }

    /** The paper's values: -0.2 on a rise, 0.7 on a fall. */
    public static FastUpSlowDown paperDefaults() {
        return new FastUpSlowDown(-0.2, 0.7);
    }

    /** Runs the recurrence over the series, oldest first, starting at E(0) = O(0); returns the last estimate. */
    public double forecast(double[] observations) {
        if (observations == null || observations.length == 0) {
            throw new IllegalArgumentException("observations must hold at least one value, was "
                    + (observations == null ? "null" : "empty"));
        }
        double estimate = observations[0];
        for (int t = 1; t < observations.length; t++) {
            estimate = next(estimate, observations[t]);
        }
        return estimate;
    }

    @Override
    public String name() {
        return "fusd(" + alphaUp + "/" + alphaDown + ")";
    }

    /**
     * The recurrence forgets by at least max(|alphaUp|, alphaDown) per step (also when the branch differs between
     * two starting points), so samples older than this weigh less than 1e-6.
     */
    @Override
    public int lookback() {
        return Histories.decayLookback(Math.max(Math.abs(alphaUp), alphaDown));
    }

    /** The estimate after the newest sample, reading only {@link #lookback()} samples (validated, >= 0). */
    @Override
    public double next(double[] history) {
        int from = Histories.tailStart(history, lookback());
        double estimate = history[from];
        for (int t = from + 1; t < history.length; t++) {
            estimate = next(estimate, history[t]);
        }
        return Math.max(0, estimate);
    }

    /** One step of the recurrence. */
    public double next(double previousEstimate, double observation) {
        double a = observation > previousEstimate ? alphaUp : alphaDown;
        return a * previousEstimate + (1 - a) * observation;
    }

    private static void requireAlpha(String name, double alpha) {
        // |a| < 1 keeps the recurrence stable; a = 1 would never move, a <= -1 would oscillate without bound.
        if (!Double.isFinite(alpha) || alpha <= -1 || alpha >= 1) {
            throw new IllegalArgumentException(name + " must be in (-1, 1), was " + alpha);
        }
    }
}
