package dev.ballast.scheduler.roadef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A copy of the working solution's placement in flat arrays, for planning a large move quickly: per machine the usage
 * and what processes that left it still hold (transient resources), per service its processes per machine, location
 * and neighborhood, and per process its machine. {@link #sync} brings it up to date by comparing each process's
 * machine with the copy (a step changes few), so keeping it costs O(processes) per step, not a rebuild.
 * {@link #unplace} and {@link #place} let a move try a plan on the copy; the caller puts everything back before the
 * next plan. Only feasibility checks and an estimate of the cost live here: Timefold's score stays the judge.
 */
final class PlacementSnapshot {
    final int processCount;
    final int machineCount;
    final int resourceCount;
    private final int locationCount;
    private final int neighborhoodCount;
    private final long[] capacity;
    private final long[] safety;
    private final long[] loadWeight;
    private final boolean[] transientResource;
    private final BalanceObjective[] balances;
    private final int[] locationOf;
    private final int[] neighborhoodOf;
    private final RoadefMachine[] machines;
    final long[][] requirements;
    final int[] serviceOf;
    final int[] originalOf;
    private final long[] processMoveCost;
    private final int[] spreadMin;
    private final int[][] dependenciesOf;
    private final int[][] dependentsOf;
    private final MoveCostWeights weights;

    final int[] machineOf;
    private final long[] usage;
    private final long[] held;
    private final int[] serviceMachineCount;
    private final int[] serviceLocationCount;
    private final int[] serviceNeighborhoodCount;
    private final int[] locationsUsed;
    private final int[] movedCount;
    private final List<IntList> onMachine;
    int maxMovedCount;

    PlacementSnapshot(RoadefInstance instance, List<ProcessAssignment> assignments) {
        processCount = instance.processCount();
        machineCount = instance.machineCount();
        resourceCount = instance.resourceCount();
        locationCount = instance.locationCount();
        neighborhoodCount = instance.neighborhoodCount();
        InstanceArrays arrays = InstanceArrays.of(instance);
        capacity = arrays.capacity();
        safety = arrays.safetyCapacity();
        locationOf = arrays.locationOf();
        neighborhoodOf = arrays.neighborhoodOf();
        loadWeight = arrays.loadCostWeight();
        transientResource = arrays.transientResource();
        machines = instance.machines().toArray(RoadefMachine[]::new);
        balances = instance.balanceObjectives().toArray(BalanceObjective[]::new);
        requirements = new long[processCount][];
        serviceOf = new int[processCount];
        originalOf = instance.originalMachines().clone();
        processMoveCost = new long[processCount];
        for (RoadefProcess process : instance.processes()) {
            requirements[process.index()] = process.requirements();
            serviceOf[process.index()] = process.service();
            processMoveCost[process.index()] = process.moveCost();
        }
        int serviceCount = instance.serviceCount();
        spreadMin = arrays.spreadMin();
        dependenciesOf = arrays.dependenciesOf();
        dependentsOf = arrays.dependentsOf();
        weights = instance.weights();

        machineOf = new int[processCount];
        usage = new long[machineCount * resourceCount];
        held = new long[machineCount * resourceCount];
        serviceMachineCount = new int[serviceCount * machineCount];
        serviceLocationCount = new int[serviceCount * locationCount];
        serviceNeighborhoodCount = new int[serviceCount * neighborhoodCount];
        locationsUsed = new int[serviceCount];
        movedCount = new int[serviceCount];
        onMachine = new ArrayList<>(machineCount);
        for (int m = 0; m < machineCount; m++) {
            onMachine.add(new IntList());
        }
        // every process starts unplaced and held on its original machine, then goes where the solution has it
        Arrays.fill(machineOf, -1);
        for (int p = 0; p < processCount; p++) {
            addTo(held, originalOf[p], p, 1);
        }
        for (int i = 0; i < assignments.size(); i++) {
            ProcessAssignment assignment = assignments.get(i);
            if (assignment.getId() != i) {
                // moves look assignments up by process index
                throw new IllegalArgumentException("assignment " + i + " is of process " + assignment.getId() + ", expected in process order");
            }
            place(i, assignment.getMachine().index());
        }
        maxMovedCount = Arrays.stream(movedCount).max().orElse(0);
    }

    /** Brings the copy up to the working solution: only the processes whose machine differs are moved. */
    void sync(List<ProcessAssignment> assignments) {
        for (ProcessAssignment assignment : assignments) {
            int p = assignment.getId();
            int m = assignment.getMachine().index();
            if (machineOf[p] != m) {
                unplace(p);
                place(p, m);
            }
        }
        maxMovedCount = Arrays.stream(movedCount).max().orElse(0);
    }

    int machineOf(int process) {
        return machineOf[process];
    }

    IntList processesOn(int machine) {
        return onMachine.get(machine);
    }

    /** Takes process p off its machine; it is then held on its original machine, as a moved process is. */
    void unplace(int p) {
        int m = machineOf[p];
        int s = serviceOf[p];
        addTo(usage, m, p, -1);
        if (m == originalOf[p]) {
            addTo(held, m, p, 1);
        } else {
            movedCount[s]--;
        }
        serviceMachineCount[s * machineCount + m]--;
        if (--serviceLocationCount[s * locationCount + locationOf[m]] == 0) {
            locationsUsed[s]--;
        }
        serviceNeighborhoodCount[s * neighborhoodCount + neighborhoodOf[m]]--;
        onMachine.get(m).remove(p);
        machineOf[p] = -1;
    }

    void place(int p, int m) {
        int s = serviceOf[p];
        addTo(usage, m, p, 1);
        if (m == originalOf[p]) {
            addTo(held, m, p, -1);
        } else {
            movedCount[s]++;
        }
        serviceMachineCount[s * machineCount + m]++;
        if (serviceLocationCount[s * locationCount + locationOf[m]]++ == 0) {
            locationsUsed[s]++;
        }
        serviceNeighborhoodCount[s * neighborhoodCount + neighborhoodOf[m]]++;
        onMachine.get(m).add(p);
        machineOf[p] = m;
    }

    private void addTo(long[] perMachine, int m, int p, int sign) {
        long[] need = requirements[p];
        int base = m * resourceCount;
        for (int r = 0; r < resourceCount; r++) {
            perMachine[base + r] += sign * need[r];
        }
    }

    /**
     * Whether process p (currently unplaced) may leave its machine without stranding a dependent service: when it is
     * its service's last process in the neighborhood, no service depending on it may run there.
     */
    boolean mayLeave(int p) {
        int s = serviceOf[p];
        int n = neighborhoodOf[machineOf[p]];
        if (serviceNeighborhoodCount[s * neighborhoodCount + n] > 1) {
            return true;
        }
        for (int dependent : dependentsOf[s]) {
            if (dependent != s && serviceNeighborhoodCount[dependent * neighborhoodCount + n] > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether unplaced process p may go to machine m: capacity, transient usage, no other process of its service there,
     * the services it depends on present in the neighborhood when it is its service's first there, and its service
     * still able to reach its spread min with the {@code stillUnplaced} other processes of the service left to place.
     */
    boolean canPlace(int p, int m, int stillUnplaced) {
        int s = serviceOf[p];
        if (serviceMachineCount[s * machineCount + m] > 0) {
            return false;
        }
        long[] need = requirements[p];
        int base = m * resourceCount;
        boolean home = m == originalOf[p];
        for (int r = 0; r < resourceCount; r++) {
            long after = usage[base + r] + need[r];
            if (after > capacity[base + r]) {
                return false;
            }
            // back home, p's transient hold becomes its usage: the machine's transient total does not change
            if (transientResource[r] && !home && after + held[base + r] > capacity[base + r]) {
                return false;
            }
        }
        if (serviceLocationCount[s * locationCount + locationOf[m]] > 0 && locationsUsed[s] + stillUnplaced < spreadMin[s]) {
            return false;
        }
        int n = neighborhoodOf[m];
        if (serviceNeighborhoodCount[s * neighborhoodCount + n] == 0) {
            for (int dependency : dependenciesOf[s]) {
                if (dependency != s && serviceNeighborhoodCount[dependency * neighborhoodCount + n] == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** What placing unplaced process p on machine m adds to the cost (load, balance, move costs; service move estimated). */
    long placementCost(int p, int m) {
        long[] need = requirements[p];
        int base = m * resourceCount;
        long cost = 0;
        for (int r = 0; r < resourceCount; r++) {
            if (loadWeight[r] != 0) {
                long over = usage[base + r] - safety[base + r];
                cost += loadWeight[r] * (Math.max(0, over + need[r]) - Math.max(0, over));
            }
        }
        for (BalanceObjective balance : balances) {
            int r1 = base + balance.resource1();
            int r2 = base + balance.resource2();
            long free1 = capacity[r1] - usage[r1];
            long free2 = capacity[r2] - usage[r2];
            long before = Math.max(0, balance.target() * free1 - free2);
            long after = Math.max(0, balance.target() * (free1 - need[balance.resource1()]) - (free2 - need[balance.resource2()]));
            cost += balance.weight() * (after - before);
        }
        int original = originalOf[p];
        if (m != original) {
            cost += weights.processMove() * processMoveCost[p];
            if (movedCount[serviceOf[p]] + 1 > maxMovedCount) {
                cost += weights.serviceMove();
            }
        }
        cost += weights.machineMove() * machines[original].moveCostTo(m);
        return cost;
    }

    /** Load and balance cost of machine m as it stands (what ruining it could save). */
    long machineCost(int m) {
        int base = m * resourceCount;
        long cost = 0;
        for (int r = 0; r < resourceCount; r++) {
            cost += loadWeight[r] * Math.max(0, usage[base + r] - safety[base + r]);
        }
        for (BalanceObjective balance : balances) {
            int r1 = base + balance.resource1();
            int r2 = base + balance.resource2();
            cost += balance.weight() * Math.max(0, balance.target() * (capacity[r1] - usage[r1]) - (capacity[r2] - usage[r2]));
        }
        return cost;
    }

    /**
     * Machine m's room under the safety capacity of the priced resources, each relative to its mean safety capacity,
     * summed: where load above the safety capacity elsewhere could go at no cost.
     */
    double headroom(int m, double[] meanSafety) {
        int base = m * resourceCount;
        double room = 0;
        for (int r = 0; r < resourceCount; r++) {
            if (loadWeight[r] != 0) {
                room += Math.max(0, safety[base + r] - usage[base + r]) / meanSafety[r];
            }
        }
        return room;
    }

    /** Machine m's {@link #headroom} once unplaced process p is on it. */
    double headroomAfter(int p, int m, double[] meanSafety) {
        long[] need = requirements[p];
        int base = m * resourceCount;
        double room = 0;
        for (int r = 0; r < resourceCount; r++) {
            if (loadWeight[r] != 0) {
                room += Math.max(0, safety[base + r] - usage[base + r] - need[r]) / meanSafety[r];
            }
        }
        return room;
    }

    double[] meanSafety() {
        double[] meanSafety = new double[resourceCount];
        for (int m = 0; m < machineCount; m++) {
            for (int r = 0; r < resourceCount; r++) {
                meanSafety[r] += Math.max(1, safety[m * resourceCount + r]) / (double) machineCount;
            }
        }
        return meanSafety;
    }

    /** A process's size: its requirements relative to the mean safety capacity per resource, summed. */
    double[] relativeSizes() {
        double[] meanSafety = meanSafety();
        double[] sizes = new double[processCount];
        for (int p = 0; p < processCount; p++) {
            for (int r = 0; r < resourceCount; r++) {
                sizes[p] += requirements[p][r] / meanSafety[r];
            }
        }
        return sizes;
    }

    /** A growable list of ints with removal by value (machines hold few processes, so a scan is cheap). */
    static final class IntList {
        private int[] items = new int[8];
        private int size;

        void add(int value) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        void remove(int value) {
            for (int i = 0; i < size; i++) {
                if (items[i] == value) {
                    items[i] = items[--size];
                    return;
                }
            }
            throw new IllegalStateException("value " + value + " not in the list");
        }

        int get(int i) {
            return items[i];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
