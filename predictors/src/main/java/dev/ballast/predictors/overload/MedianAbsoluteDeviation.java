package dev.ballast.predictors.overload;

import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.util.Objects;

/**
 * MAD: an adaptive upper threshold {@code 1 - safety · MAD(history)}, MAD being the median of the absolute
 * deviations from the median; overloaded when the current utilization is above it. Needs {@code minimumHistory}
 * samples (12 in the paper's setup), else defers to the fallback.
 */
public record MedianAbsoluteDeviation(double safety, int window, int minimumHistory, OverloadDetector fallback) implements OverloadDetector {
    public MedianAbsoluteDeviation {
        UtilizationHistory.requirePositive("safety", safety);
        if (minimumHistory < 3 || window < minimumHistory) {
            throw new IllegalArgumentException("need 3 <= minimumHistory <= window, was minimumHistory=" + minimumHistory + " window=" + window);
        }
        Objects.requireNonNull(fallback, "fallback detector");
    }

    /** MAD 2.5 over CloudSim's 30-sample host history, 12 samples minimum, THR 0.7 meanwhile. */
    public static MedianAbsoluteDeviation beloglazovBuyya() {
        return new MedianAbsoluteDeviation(2.5, 30, 12, StaticThreshold.cloudSimFallback());
    }

    @Override
    public String name() {
        return "MAD(" + safety + ")";
    }

    public double threshold(double[] history) {
        double[] tail = UtilizationHistory.tail(history, window);
        Median median = new Median();
        double m = median.evaluate(tail);
        double[] deviations = new double[tail.length];
        for (int i = 0; i < tail.length; i++) {
            deviations[i] = Math.abs(tail[i] - m);
        }
        return 1 - safety * median.evaluate(deviations);
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
