package dev.ballast.scheduler.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * A VM of the CloudSim-compatible world: its type, its CPU trace and the state CloudSim keeps for it (host,
 * migration flag, utilization history, SLA accumulators). Mutable; owned by {@link SimulatedWorld}.
 */
final class SimVm {
    /** CloudSim's {@code PowerVm.HISTORY_LENGTH}. */
    static final int HISTORY_LENGTH = 30;

    final int index;
    final String name;
    final VmType type;
    /** Utilization fractions at 0, 300, … s plus CloudSim's extra last point (a copy of the last sample). */
    final double[] trace;
    /** Memory utilization fractions on the same grid, or {@code null} when the trace has none (PlanetLab). */
    final double[] memory;
    final double step;

    SimHost host;
    boolean inMigration;
    /** Requested MIPS at the last processing time (CloudSim's cloudlet utilization × MIPS). */
    double requestedMips;
    /** Utilization fractions, most recent first (CloudSim's order), at most {@link #HISTORY_LENGTH}. */
    final List<Double> history = new ArrayList<>();
    double historyTime = 0;

    // state history accumulators (CloudSim's VmStateHistoryEntry fold, as in Helper.getSlaMetrics)
    private boolean hasEntry;
    private double entryTime;
    private double entryAllocated;
    private double entryRequested;
    private boolean entryInMigration;
    double totalAllocated;
    double totalRequested;
    double underAllocatedDueToMigration;

    int migrations;
    /** Host index this VM last left and when, for ping-pong counting. */
    int lastLeftHost = -1;
    double lastLeftAt = Double.NaN;

    SimVm(int index, String name, VmType type, double[] trace, double step) {
        this(index, name, type, trace, null, step);
    }

    SimVm(int index, String name, VmType type, double[] trace, double[] memory, double step) {
        this.index = index;
        this.name = name;
        this.type = type;
        this.trace = trace;
        this.memory = memory;
        this.step = step;
    }

    double mips() {
        return type.mips();
    }

    int ramMb() {
        return type.ramMb();
    }

    /**
     * Memory the guest uses at {@code time} (the sample of the interval holding it), what a migration copies; all
     * of its RAM when the trace has no memory.
     */
    double usedMemoryMbAt(double time) {
        if (memory == null) {
            return ramMb();
        }
        return memory[Math.min(Math.max(0, (int) Math.floor(time / step)), memory.length - 1)] * ramMb();
    }

    /** CloudSim's {@code UtilizationModelPlanetLabInMemory.getUtilization(time)}. */
    double utilizationAt(double time) {
        if (time % step == 0) {
            return trace[Math.min((int) time / (int) step, trace.length - 1)];
        }
        int i1 = (int) Math.floor(time / step);
        int i2 = (int) Math.ceil(time / step);
        i1 = Math.min(i1, trace.length - 1);
        i2 = Math.min(i2, trace.length - 1);
        double u1 = trace[i1];
        double u2 = trace[i2];
        if (i1 == i2) {
            return u1;
        }
        double delta = (u2 - u1) / ((i2 - i1) * step);
        return u1 + delta * (time - i1 * step);
    }

    void addHistory(double utilization) {
        history.addFirst(utilization);
        if (history.size() > HISTORY_LENGTH) {
            history.removeLast();
        }
    }

    /** CloudSim's {@code Vm.addStateHistoryEntry}: an entry at the same time replaces the last one. */
    void addStateEntry(double time, double allocated, double requested, boolean migrating) {
        if (hasEntry && entryTime != time) {
            double dt = time - entryTime;
            totalAllocated += entryAllocated * dt;
            totalRequested += entryRequested * dt;
            if (entryAllocated < entryRequested && entryInMigration) {
                underAllocatedDueToMigration += (entryRequested - entryAllocated) * dt;
            }
        }
        hasEntry = true;
        entryTime = time;
        entryAllocated = allocated;
        entryRequested = requested;
        entryInMigration = migrating;
    }

    @Override
    public String toString() {
        return "vm" + index + "(" + name + ")";
    }
}
