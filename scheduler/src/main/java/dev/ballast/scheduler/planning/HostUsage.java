package dev.ballast.scheduler.planning;

/** What the VMs on one host use: CPU demand in milli-cores and allocated memory in MiB. */
record HostUsage(PlanningHost host, long cpuDemand, long memory) {
}
