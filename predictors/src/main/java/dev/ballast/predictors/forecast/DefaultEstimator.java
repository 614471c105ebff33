package dev.ballast.predictors.forecast;

/**
 * The estimator Ballast forecasts with unless told otherwise. Chosen by the accuracy evaluation on the PlanetLab,
 * Google and Bitbrains traces; docs/predictors.md has the table and the reasoning.
 */
public final class DefaultEstimator {
    private DefaultEstimator() {
    }

    public static Estimator create() {
        return FastUpSlowDown.paperDefaults();
    }
}
