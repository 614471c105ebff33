package dev.ballast.predictors.forecast;

/**
 * What a forecast error costs: {@code underWeight · max(0, actual - forecast) + overWeight · max(0, forecast - actual)}.
 * Under-prediction risks a hot spot (an SLA breach); over-prediction only wastes capacity, so it weighs less.
 */
public record ForecastLoss(double underWeight, double overWeight) {
    public ForecastLoss {
        if (!Double.isFinite(underWeight) || underWeight < 0 || !Double.isFinite(overWeight) || overWeight < 0
                || underWeight + overWeight == 0) {
            throw new IllegalArgumentException("loss weights must be finite, >= 0 and not both 0, was under="
                    + underWeight + " over=" + overWeight);
        }
    }

    /** Under-prediction costs three times over-prediction (the pinball loss at the 75th percentile, times 4). */
    public static ForecastLoss slaWeighted() {
        return new ForecastLoss(3, 1);
    }

    public double cost(double forecast, double actual) {
        double error = actual - forecast;
        return error > 0 ? underWeight * error : -overWeight * error;
    }
}
