package dev.ballast.predictors.overload;

/**
 * Decides whether a host is overloaded from its CPU utilization history — the host-overload step of the
 * consolidation policies of Beloglazov and Buyya (CCPE 2012), which the benchmark harness uses as baselines.
 */
public interface OverloadDetector {
    /** A short name with the parameters, e.g. {@code THR(0.8)}. */
    String name();

    /**
     * @param hostCpuUtilizationHistory the host's CPU utilization (used ÷ capacity) per interval, oldest first;
     *                                  the last value is the current utilization. At least one value, all finite
     *                                  and >= 0.
     */
    boolean overloaded(double[] hostCpuUtilizationHistory);
}
