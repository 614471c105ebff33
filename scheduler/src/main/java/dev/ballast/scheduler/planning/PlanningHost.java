package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;

/**
 * A host as the solver sees it (a problem fact). CPU in milli-cores, memory in MiB. The limits are what the plan
 * may use: CPU demand up to the hot threshold, allocated vCPUs up to the overcommit ratio, allocated memory up to
 * the memory limit.
 */
public final class PlanningHost {
    @PlanningId
    private String id;
    private long cpuCapacity;
    private long cpuLimit;
    private long vcpuLimit;
    private long memoryCapacity;
    private long memoryLimit;
    private HostState state;
    private PowerModel power;

    PlanningHost() {
        // for Timefold's cloning
    }

    public PlanningHost(String id, long cpuCapacity, long cpuLimit, long vcpuLimit, long memoryCapacity, long memoryLimit,
                        HostState state, PowerModel power) {
        this.id = id;
        this.cpuCapacity = cpuCapacity;
        this.cpuLimit = cpuLimit;
        this.vcpuLimit = vcpuLimit;
        this.memoryCapacity = memoryCapacity;
        this.memoryLimit = memoryLimit;
        this.state = state;
        this.power = power;
    }

    public String getId() {
        return id;
    }

    public HostId hostId() {
        return HostId.of(id);
    }

    public long getCpuCapacity() {
        return cpuCapacity;
    }

    public long getCpuLimit() {
        return cpuLimit;
    }

    public long getVcpuLimit() {
        return vcpuLimit;
    }

    public long getMemoryCapacity() {
        return memoryCapacity;
    }

    public long getMemoryLimit() {
        return memoryLimit;
    }

    public HostState getState() {
        return state;
    }

    public PowerModel getPower() {
        return power;
    }

    /** Only a powered-on host outside maintenance may hold VMs. */
    public boolean isUsable() {
        return state == HostState.ON;
    }

    /** Watts at this CPU demand, in deciwatts so that the soft score keeps a decimal. */
    public long deciwattsAt(long cpuDemand) {
        return Math.round(power.watts((double) cpuDemand / cpuCapacity) * 10);
    }

    @Override
    public String toString() {
        return id;
    }
}
