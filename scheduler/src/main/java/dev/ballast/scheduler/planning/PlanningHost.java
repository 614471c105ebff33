package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;

import java.util.Map;

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
    private Map<String, String> labels;
    private boolean draining;
    private boolean powerOnAllowed;

    PlanningHost() {
        // for Timefold's cloning
    }

    public PlanningHost(String id, long cpuCapacity, long cpuLimit, long vcpuLimit, long memoryCapacity, long memoryLimit,
                        HostState state, PowerModel power) {
        this(id, cpuCapacity, cpuLimit, vcpuLimit, memoryCapacity, memoryLimit, state, power, Map.of(), false, false);
    }

    /**
     * @param draining       the host must be emptied (maintenance or evacuation): it holds nothing in the plan
     * @param powerOnAllowed an OFF host may receive VMs, the plan powering it on first
     */
    public PlanningHost(String id, long cpuCapacity, long cpuLimit, long vcpuLimit, long memoryCapacity, long memoryLimit,
                        HostState state, PowerModel power, Map<String, String> labels, boolean draining, boolean powerOnAllowed) {
        this.id = id;
        this.cpuCapacity = cpuCapacity;
        this.cpuLimit = cpuLimit;
        this.vcpuLimit = vcpuLimit;
        this.memoryCapacity = memoryCapacity;
        this.memoryLimit = memoryLimit;
        this.state = state;
        this.power = power;
        this.labels = Map.copyOf(labels);
        this.draining = draining;
        this.powerOnAllowed = powerOnAllowed;
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

    public Map<String, String> getLabels() {
        return labels;
    }

    public boolean isDraining() {
        return draining;
    }

    /** A powered-on host may hold VMs, and an off one the plan may power on; never one being drained. */
    public boolean isUsable() {
        return !draining && (state == HostState.ON || state == HostState.OFF && powerOnAllowed);
    }

    /** Holding VMs on this host means powering it on first. */
    public boolean needsPowerOn() {
        return state == HostState.OFF;
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
