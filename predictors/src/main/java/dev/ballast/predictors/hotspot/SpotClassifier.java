package dev.ballast.predictors.hotspot;

import dev.ballast.collectors.cluster.Utilization;

import java.util.Collection;
import java.util.Objects;

/** Classifies hosts as hot, normal, warm or cold by their utilization (Xiao, Song, Chen, TPDS 2013). */
public final class SpotClassifier {
    private final SpotThresholds thresholds;

    public SpotClassifier(SpotThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "spot thresholds");
    }

    public SpotThresholds thresholds() {
        return thresholds;
    }

    public HostTemperature classify(Utilization u) {
        Objects.requireNonNull(u, "utilization");
        double skewness = Skewness.of(u.cpu(), u.memory());
        double cpuExcess = u.cpu() - thresholds.hotCpu();
        double memoryExcess = u.memory() - thresholds.hotMemory();
        if (cpuExcess > 0 || memoryExcess > 0) {
            double temperature = square(Math.max(0, cpuExcess)) + square(Math.max(0, memoryExcess));
            return new HostTemperature(SpotKind.HOT, skewness, temperature);
        }
        if (u.cpu() < thresholds.cold() && u.memory() < thresholds.cold()) {
            return new HostTemperature(SpotKind.COLD, skewness, 0);
        }
        if (u.cpu() < thresholds.warm() && u.memory() < thresholds.warm()) {
            return new HostTemperature(SpotKind.WARM, skewness, 0);
        }
        return new HostTemperature(SpotKind.NORMAL, skewness, 0);
    }

    /**
     * True when the mean utilization of the active hosts is below the green threshold for every resource (the
     * paper: "the average utilizations of all resources on active servers are below the green computing
     * threshold"). False when no host is active: there is nothing to consolidate.
     */
    public boolean greenComputingDue(Collection<Utilization> activeHosts) {
        Objects.requireNonNull(activeHosts, "active hosts");
        if (activeHosts.isEmpty()) {
            return false;
        }
        double cpu = 0;
        double memory = 0;
        for (Utilization u : activeHosts) {
            cpu += u.cpu();
            memory += u.memory();
        }
        int n = activeHosts.size();
        return cpu / n < thresholds.green() && memory / n < thresholds.green();
    }

    private static double square(double x) {
        return x * x;
    }
}
