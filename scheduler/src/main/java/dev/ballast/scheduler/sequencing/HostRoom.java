package dev.ballast.scheduler.sequencing;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;

/** How much a host may hold at any moment of a plan: CPU demand in milli-cores, allocated memory in MiB. */
public record HostRoom(HostId id, HostState state, long cpuLimit, long memoryLimit) {
}
