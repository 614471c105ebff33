package dev.ballast.predictors.overload;

/** THR: overloaded when the current utilization is above a fixed threshold (0.8 in THR-MMT 0.8). */
public record StaticThreshold(double threshold) implements OverloadDetector {
    public StaticThreshold {
        UtilizationHistory.requirePositive("threshold", threshold);
    }

    /** The fallback CloudSim's adaptive policies use while a host's history is too short: 0.7. */
    public static StaticThreshold cloudSimFallback() {
        return new StaticThreshold(0.7);
    }

    @Override
    public String name() {
        return "THR(" + threshold + ")";
    }

    @Override
    public boolean overloaded(double[] hostCpuUtilizationHistory) {
        return UtilizationHistory.current(UtilizationHistory.tail(hostCpuUtilizationHistory, 1)) > threshold;
    }
}
