package dev.ballast.collectors.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * Watts drawn by a powered-on host at CPU utilization 0, 10, ..., 100 %, linear between the points (the SPECpower
 * style CloudSim uses). A powered-off host draws nothing.
 */
public record PowerModel(List<Double> wattsAtTenths) {
    public PowerModel {
        if (wattsAtTenths == null || wattsAtTenths.size() != 11) {
            throw new IllegalArgumentException("a power model needs 11 points (0..100 % CPU), got "
                    + (wattsAtTenths == null ? "none" : wattsAtTenths.size()));
        }
        for (int i = 0; i < wattsAtTenths.size(); i++) {
            Double w = wattsAtTenths.get(i);
            if (w == null || !Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("power model point " + (i * 10) + " % must be >= 0 W, was " + w);
            }
        }
        wattsAtTenths = List.copyOf(wattsAtTenths);
    }

    public static PowerModel linear(double idleWatts, double maxWatts) {
        Double[] points = new Double[11];
        for (int i = 0; i <= 10; i++) {
            points[i] = idleWatts + (maxWatts - idleWatts) * i / 10.0;
        }
        return new PowerModel(Arrays.asList(points));
    }

    public static PowerModel of(double... watts) {
        return new PowerModel(Arrays.stream(watts).boxed().toList());
    }

    public double idleWatts() {
        return wattsAtTenths.get(0);
    }

    public double maxWatts() {
        return wattsAtTenths.get(10);
    }

    /** Power at a CPU utilization, clamped to [0, 1]. */
    public double watts(double cpuUtilization) {
        double u = Math.max(0, Math.min(1, cpuUtilization));
        int lower = (int) Math.floor(u * 10);
        if (lower >= 10) {
            return maxWatts();
        }
        double fraction = u * 10 - lower;
        return wattsAtTenths.get(lower) + (wattsAtTenths.get(lower + 1) - wattsAtTenths.get(lower)) * fraction;
    }
}
