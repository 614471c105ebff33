package dev.ballast.collectors.simulation;

/**
 * How one synthetic VM behaves, as fractions of its allocation: a base CPU level with a daily swing peaking at
 * {@code peakHour} (UTC), Gaussian noise, and spikes that start with a small probability per interval and last
 * {@code spikeIntervals}; memory sits at a base level with a smaller daily swing.
 */
public record WorkloadProfile(double cpuBase, double cpuDailyAmplitude, double peakHour, double cpuNoise,
                              double spikeProbability, double spikeHeight, int spikeIntervals,
                              double memoryBase, double memoryDailyAmplitude) {
    public WorkloadProfile {
        check("cpuBase", cpuBase, 0, 1);
        check("cpuDailyAmplitude", cpuDailyAmplitude, 0, 1);
        check("peakHour", peakHour, 0, 24);
        check("cpuNoise", cpuNoise, 0, 1);
        check("spikeProbability", spikeProbability, 0, 1);
        check("spikeHeight", spikeHeight, 0, 1);
        check("memoryBase", memoryBase, 0, 1);
        check("memoryDailyAmplitude", memoryDailyAmplitude, 0, 1);
        if (spikeIntervals < 1) {
            throw new IllegalArgumentException("spikeIntervals must be >= 1, was " + spikeIntervals);
        }
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }
}
