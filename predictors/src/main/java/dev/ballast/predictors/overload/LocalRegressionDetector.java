package dev.ballast.predictors.overload;

import dev.ballast.predictors.forecast.RobustLinearFit;

import java.util.Objects;

/**
 * LR / LRR: a local linear fit over the last {@code window} samples, projected {@code lookahead} intervals past
 * the current one (the intervals a migration takes, rounded up: 1 in the PlanetLab setup), times
 * {@code safety}; overloaded when that reaches 1. LR fits with tricube weights only; LRR also re-weights
 * residuals (bisquare) to ignore outliers. Needs {@code window} samples, else defers to the fallback.
 */
public record LocalRegressionDetector(int window, double safety, int lookahead, boolean robust, OverloadDetector fallback)
        implements OverloadDetector {
    public LocalRegressionDetector {
        if (window < 3) {
            throw new IllegalArgumentException("window must be >= 3 samples, was " + window);
        }
        UtilizationHistory.requirePositive("safety", safety);
        if (lookahead < 1) {
            throw new IllegalArgumentException("lookahead must be >= 1 interval, was " + lookahead);
        }
        Objects.requireNonNull(fallback, "fallback detector");
    }

    /** LR 1.2 of the paper: 10 samples, one interval ahead, THR 0.7 while the history is short. */
    public static LocalRegressionDetector lr() {
        return new LocalRegressionDetector(10, 1.2, 1, false, StaticThreshold.cloudSimFallback());
    }

    /** LRR 1.2 of the paper: as LR, with robust (bisquare) re-weighting. */
    public static LocalRegressionDetector lrr() {
        return new LocalRegressionDetector(10, 1.2, 1, true, StaticThreshold.cloudSimFallback());
    }

    @Override
    public String name() {
        return (robust ? "LRR(" : "LR(") + safety + ")";
    }

    /** The safety-scaled utilization predicted {@code lookahead} intervals ahead. */
    public double predicted(double[] history) {
        double[] tail = UtilizationHistory.tail(history, window);
        RobustLinearFit fit = RobustLinearFit.of(tail, 0, tail.length, robust ? 2 : 0);
        return safety * fit.at(tail.length - 1 + lookahead);
    }

    @Override
    public boolean overloaded(double[] hostCpuUtilizationHistory) {
        double[] tail = UtilizationHistory.tail(hostCpuUtilizationHistory, window);
        if (tail.length < window) {
            return fallback.overloaded(hostCpuUtilizationHistory);
        }
        return predicted(tail) >= 1;
    }
}
