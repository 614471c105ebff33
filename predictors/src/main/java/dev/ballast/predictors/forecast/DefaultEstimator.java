package dev.ballast.predictors.forecast;

/**
 * The estimator Ballast forecasts with unless told otherwise: fast-up/slow-down that jumps to a rise at once
 * ({@code alphaUp = 0}) and decays by 0.7 per interval on a fall. It had the lowest SLA-weighted cost of all
 * estimators, and of the FUSD parameter grid around the paper's (-0.2, 0.7), on the PlanetLab, Google and
 * Bitbrains traces, one interval and one hour ahead; docs/predictors.md has the tables and the command.
 */
public final class DefaultEstimator {
    private DefaultEstimator() {
    }

    public static Estimator create() {
        return new FastUpSlowDown(0.0, 0.7);
    }
}
