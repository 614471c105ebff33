package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import dev.ballast.collectors.cluster.VmId;

/**
 * A VM and the host the plan puts it on (the planning entity). It keeps the host it runs on now, so that a move can
 * be priced, as in Timefold's machine-reassignment example. CPU in milli-cores, memory in MiB.
 */
@PlanningEntity
public final class VmPlacement {
    @PlanningId
    private String id;
    private long cpuDemand;
    private long vcpus;
    private long memory;
    private long memoryDemand;
    private double dirtyRateMibPerSecond;
    private PlanningHost currentHost;
    @PlanningPin
    private boolean pinned;
    private boolean recentlyMoved;

    @PlanningVariable
    private PlanningHost host;

    VmPlacement() {
        // for Timefold's cloning
    }

    public VmPlacement(String id, long cpuDemand, long vcpus, long memory, long memoryDemand, double dirtyRateMibPerSecond,
                       PlanningHost currentHost, boolean pinned) {
        this(id, cpuDemand, vcpus, memory, memoryDemand, dirtyRateMibPerSecond, currentHost, pinned, false);
    }

    /** @param recentlyMoved the VM moved within the cooldown: moving it again is penalized (anti-ping-pong) */
    public VmPlacement(String id, long cpuDemand, long vcpus, long memory, long memoryDemand, double dirtyRateMibPerSecond,
                       PlanningHost currentHost, boolean pinned, boolean recentlyMoved) {
        this.id = id;
        this.cpuDemand = cpuDemand;
        this.vcpus = vcpus;
        this.memory = memory;
        this.memoryDemand = memoryDemand;
        this.dirtyRateMibPerSecond = dirtyRateMibPerSecond;
        this.currentHost = currentHost;
        this.pinned = pinned;
        this.recentlyMoved = recentlyMoved;
        this.host = currentHost;
    }

    public String getId() {
        return id;
    }

    public VmId vmId() {
        return VmId.of(id);
    }

    public long getCpuDemand() {
        return cpuDemand;
    }

    public long getVcpus() {
        return vcpus;
    }

    public long getMemory() {
        return memory;
    }

    public long getMemoryDemand() {
        return memoryDemand;
    }

    public double getDirtyRateMibPerSecond() {
        return dirtyRateMibPerSecond;
    }

    public PlanningHost getCurrentHost() {
        return currentHost;
    }

    public boolean isPinned() {
        return pinned;
    }

    public boolean isRecentlyMoved() {
        return recentlyMoved;
    }

    public PlanningHost getHost() {
        return host;
    }

    public void setHost(PlanningHost host) {
        this.host = host;
    }

    public boolean isMoved() {
        return host != null && host != currentHost;
    }

    @Override
    public String toString() {
        return id + "@" + host;
    }
}
