package dev.ballast.predictors.overload;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Objects;

/**
 * IQR: an adaptive upper threshold {@code 1 - safety · IQR(history)}; overloaded when the current utilization is
 * above it. A volatile host gets a lower threshold, so it is relieved earlier. Needs {@code minimumHistory}
 * samples (12 in the paper's setup), else defers to the fallback.
 */
public record InterQuartileRange(double safety, int window, int minimumHistory, OverloadDetector fallback) implements OverloadDetector {
    public InterQuartileRange {
        UtilizationHistory.requirePositive("safety", safety);
        if (minimumHistory < 4 || window < minimumHistory) {
            throw new IllegalArgumentException("need 4 <= minimumHistory <= window, was minimumHistory=" + minimumHistory + " window=" + window);
        }
        Objects.requireNonNull(fallback, "fallback detector");
    }

    /** IQR 1.5 over CloudSim's 30-sample host history, 12 samples minimum, THR 0.7 meanwhile. */
    public static InterQuartileRange beloglazovBuyya() {
        return new InterQuartileRange(1.5, 30, 12, StaticThreshold.cloudSimFallback());
    }

    @Override
    public String name() {
        return "IQR(" + safety + ")";
    }

    /** The adaptive threshold for this history. */
    public double threshold(double[] history) {
        double[] tail = UtilizationHistory.tail(history, window);
        Percentile percentile = new Percentile();
        percentile.setData(tail);
        return 1 - safety * (percentile.evaluate(75) - percentile.evaluate(25));
    }

    @Override
    public boolean overloaded(double[] hostCpuUtilizationHistory) {
        double[] tail = UtilizationHistory.tail(hostCpuUtilizationHistory, window);
        if (tail.length < minimumHistory) {
            return fallback.overloaded(hostCpuUtilizationHistory);
        }
        return UtilizationHistory.current(tail) > threshold(tail);
    }
}
