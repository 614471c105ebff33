package dev.ballast.scheduler.planning;

/**
 * The operator's limits for plans: CPU demand may reach {@code cpuHotThreshold} of a host, allocated vCPUs
 * {@code vcpuOvercommit} times its cores, allocated memory {@code memoryLimit} of its RAM (1.0 = no overcommit;
 * below 1 leaves room for the hypervisor). A plan is proposed only when it improves the soft score by more than
 * {@code minimumImprovement} of the current one, so noise never moves a VM.
 */
public record PlanningSettings(double cpuHotThreshold, double vcpuOvercommit, double memoryLimit,
                               double linkMibPerSecond, double minimumImprovement) {
    public static PlanningSettings defaults() {
        return new PlanningSettings(0.85, 4.0, 0.95, 128, 0.01);
    }

    public PlanningSettings {
        if (!(cpuHotThreshold > 0 && cpuHotThreshold <= 1)) {
            throw new IllegalArgumentException("cpuHotThreshold must be in (0, 1], was " + cpuHotThreshold);
        }
        if (!(vcpuOvercommit >= 1)) {
            throw new IllegalArgumentException("vcpuOvercommit must be >= 1, was " + vcpuOvercommit);
        }
        if (!(memoryLimit > 0 && memoryLimit <= 2)) {
            throw new IllegalArgumentException("memoryLimit must be in (0, 2], was " + memoryLimit);
        }
        if (!(linkMibPerSecond > 0)) {
            throw new IllegalArgumentException("linkMibPerSecond must be > 0, was " + linkMibPerSecond);
        }
        if (!(minimumImprovement >= 0 && minimumImprovement < 1)) {
            throw new IllegalArgumentException("minimumImprovement must be in [0, 1), was " + minimumImprovement);
        }
    }
}
