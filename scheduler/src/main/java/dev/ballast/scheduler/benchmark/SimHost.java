package dev.ballast.scheduler.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A host of the CloudSim-compatible world: its VM list in CloudSim's insertion order, the VMs migrating in, the
 * time-shared over-subscribing CPU scheduler's free MIPS, and the utilization of the last processing.
 * Mutable; owned by {@link SimulatedWorld}.
 */
final class SimHost {
    final int index;
    final HostType type;
    final List<SimVm> vms = new ArrayList<>();
    final Set<SimVm> migratingIn = new LinkedHashSet<>();
    /** The CPU scheduler's MIPS not yet allocated (0 once over-subscribed). */
    double availableMips;
    /** MIPS the CPU scheduler has allocated to the VMs in the list now (tentative changes included). */
    double allocatedMips;
    /** Utilization in MIPS at the last processing (CloudSim's {@code HostDynamicWorkload.utilizationMips}). */
    double utilizationMips;
    // initial placement only: CloudSim allocates RAM and bandwidth while a VM is being instantiated
    int freeRamMb;
    long freeBw;
    /** Memory the host has; a capacity after the initial placement only when {@link #enforceMemory}. */
    final int memoryMb;
    final boolean enforceMemory;

    // state history fold (Helper.getSlaTimePerActiveHost)
    private boolean hasEntry;
    private double entryTime;
    private double entryAllocated;
    private double entryRequested;
    private boolean entryActive;
    double activeTime;
    double violationTime;

    SimHost(int index, HostType type, long bw) {
        this(index, type, bw, type.ramMb(), false);
    }

    SimHost(int index, HostType type, long bw, int memoryMb, boolean enforceMemory) {
        this.index = index;
        this.type = type;
        this.availableMips = type.totalMips();
        this.memoryMb = memoryMb;
        this.enforceMemory = enforceMemory;
        this.freeRamMb = memoryMb;
        this.freeBw = bw;
    }

    /** Memory allocated to the VMs in the list, those migrating in or out included (both hosts hold it). */
    int memoryUsedMb() {
        int used = 0;
        for (SimVm vm : vms) {
            used += vm.ramMb();
        }
        return used;
    }

    boolean memoryFits(SimVm vm) {
        return memoryUsedMb() + vm.ramMb() <= memoryMb;
    }

    double totalMips() {
        return type.totalMips();
    }

    /** CloudSim's {@code getUtilizationOfCpu}: used ÷ capacity, values just above 1 rounded to 1. */
    double utilization() {
        return capped(utilizationMips / totalMips());
    }

    static double capped(double utilization) {
        return utilization > 1 && utilization < 1.01 ? 1 : utilization;
    }

    double power() {
        return type.power().power(utilization());
    }

    double requestedMips() {
        double total = 0;
        for (SimVm vm : vms) {
            total += vm.requestedMips;
        }
        return total;
    }

    boolean migratingOut(SimVm vm) {
        return vm.inMigration && !migratingIn.contains(vm);
    }

    /** The MIPS one VM asks the scheduler for: capped at a core, a tenth of it while migrating in. */
    private double schedulerRequest(SimVm vm) {
        double capped = Math.min(vm.requestedMips, type.peMips());
        return migratingIn.contains(vm) ? capped * 0.1 : capped;
    }

    /**
     * Re-runs CloudSim's {@code VmSchedulerTimeSharedOverSubscription} over the VM list and returns each VM's
     * allocated MIPS (same order as {@link #vms}); sets {@link #availableMips}.
     */
    double[] allocate() {
        double[] allocated = new double[vms.size()];
        double available = totalMips();
        boolean over = false;
        double required = 0;
        for (int i = 0; i < vms.size(); i++) {
            SimVm vm = vms.get(i);
            double request = schedulerRequest(vm);
            required += request;
            if (!over && available >= request) {
                double mips = Math.min(vm.requestedMips, type.peMips());
                if (migratingOut(vm)) {
                    mips *= 0.9;
                } else if (migratingIn.contains(vm)) {
                    mips *= 0.1;
                }
                allocated[i] = mips;
                available -= request;
            } else {
                over = true;
            }
        }
        if (over) {
            double scaling = totalMips() / required;
            for (int i = 0; i < vms.size(); i++) {
                SimVm vm = vms.get(i);
                double mips = Math.min(vm.requestedMips, type.peMips());
                if (migratingOut(vm)) {
                    mips *= scaling;
                    mips *= 0.9;
                } else if (migratingIn.contains(vm)) {
                    mips *= 0.1;
                    mips *= scaling;
                } else {
                    mips *= scaling;
                }
                allocated[i] = Math.floor(mips);
            }
            available = 0;
        }
        availableMips = available;
        double sum = 0;
        for (double a : allocated) {
            sum += a;
        }
        allocatedMips = sum;
        return allocated;
    }

    /** A tentative {@code vmCreate} during planning: the VM joins the list and takes MIPS if the host has them. */
    void tentativeCreate(SimVm vm) {
        vms.add(vm);
        // same result as CloudSim's incremental allocation: direct if it fits, else all re-scaled
        allocate();
    }

    /**
     * CloudSim 3.0.3's {@code getUtilizationOfCpuMips(host)} of the allocation policy: the MIPS allocated now,
     * with a VM migrating in counted at its full (not its 10 %) share.
     */
    double potentialMips() {
        double[] allocated = allocate();
        double used = 0;
        for (int i = 0; i < vms.size(); i++) {
            if (migratingIn.contains(vms.get(i))) {
                used += allocated[i] * 0.9 / 0.1;
            }
            used += allocated[i];
        }
        return used;
    }

    /** A tentative {@code vmDestroy}: the VM leaves and the scheduler re-allocates the others. */
    void tentativeDestroy(SimVm vm) {
        vms.remove(vm);
        allocate();
    }

    /** CloudSim's {@code isSuitableForVm} on CPU; with memory enforced, the VM's memory must fit too. */
    boolean suitableFor(SimVm vm) {
        return type.peMips() >= vm.requestedMips && availableMips >= vm.requestedMips && (!enforceMemory || memoryFits(vm));
    }

    /** CloudSim's {@code HostDynamicWorkload.updateVmsProcessing} at {@code time}, with the state history. */
    void update(double time) {
        double[] allocated = allocate();
        double used = 0;
        double requested = 0;
        for (int i = 0; i < vms.size(); i++) {
            SimVm vm = vms.get(i);
            double mips = allocated[i];
            if (!migratingIn.contains(vm)) {
                vm.addStateEntry(time, mips, vm.requestedMips, vm.inMigration);
                if (vm.inMigration) {
                    mips /= 0.9;
                }
            }
            used += mips;
            requested += vm.requestedMips;
        }
        utilizationMips = used;
        addStateEntry(time, used, requested, used > 0);
    }

    private void addStateEntry(double time, double allocated, double requested, boolean active) {
        if (hasEntry && entryTime != time) {
            double dt = time - entryTime;
            if (entryActive) {
                activeTime += dt;
                if (entryAllocated < entryRequested) {
                    violationTime += dt;
                }
            }
        }
        hasEntry = true;
        entryTime = time;
        entryAllocated = allocated;
        entryRequested = requested;
        entryActive = active;
    }

    @Override
    public String toString() {
        return "host" + index + "(" + type.name() + ")";
    }
}
