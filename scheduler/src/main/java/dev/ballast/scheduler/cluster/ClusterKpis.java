package dev.ballast.scheduler.cluster;

/**
 * The figures an operator compares before and after a plan. Utilizations are fractions over powered-on hosts;
 * skewness is the mean over powered-on hosts that run VMs; power is the sum of the power models at the demand.
 */
public record ClusterKpis(int poweredOnHosts, int hosts, int vms, double maxCpuUtilization, double meanCpuUtilization,
                          double maxMemoryUtilization, double meanMemoryUtilization, double meanSkewness,
                          double estimatedPowerWatts, double energyPerDayKwh, int hotSpots, int coldSpots) {
}
