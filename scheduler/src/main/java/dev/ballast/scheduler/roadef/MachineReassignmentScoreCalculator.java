package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;

/**
 * The challenge's constraints and costs, kept up to date move by move. Each constraint is one small method over
 * counters that a move changes in O(resources + balance objectives) time:
 * <ul>
 * <li>hard, capacity: usage above capacity, per machine and resource;</li>
 * <li>hard, transient usage: for a transient resource, what the machine's processes use plus what processes that left
 * it still hold there (a live migration holds memory on both hosts), above capacity;</li>
 * <li>hard, conflict (anti-affinity): every process of a service beyond the first on one machine;</li>
 * <li>hard, spread (failure domains): locations a service is short of its spread min;</li>
 * <li>hard, dependency (network locality): (service, neighborhood, dependency) triples where the service runs in the
 * neighborhood and the service it depends on does not;</li>
 * <li>soft: the challenge's weighted cost — load above safety capacity, balance targets between two resources' free
 * capacity, process move cost, service move cost (the most moved processes of any one service), machine move
 * cost (per pair of original and new machine).</li>
 * </ul>
 * Constraint streams were measured slower for this model (docs/roadef.md); final solutions are re-checked by
 * {@link RoadefChecker}, which shares no code with this class.
 */
public final class MachineReassignmentScoreCalculator implements IncrementalScoreCalculator<MachineReassignment, HardSoftScore> {
    // Facts, flattened for speed: index [machine * resourceCount + resource].
    private int resourceCount;
    private int machineCount;
    private int locationCount;
    private int neighborhoodCount;
    private long[] capacity;
    private long[] safetyCapacity;
    private boolean[] transientResource;
    private long[] loadCostWeight;
    private BalanceObjective[] balanceObjectives;
    private int[] locationOf;
    private int[] neighborhoodOf;
    private int[] spreadMin;
    private int[][] dependenciesOf;
    private int[][] dependentsOf;
    private MoveCostWeights weights;

    // Per machine: what its processes use, and what processes that left it still hold of transient resources.
    private long[] usage;
    private long[] heldByLeavers;
    private long[] machineHardPenalty;
    private long[] machineCost;
    // Per service: processes per machine, per location, per neighborhood; locations used; processes moved.
    private int[] serviceMachineCount;
    private int[] serviceLocationCount;
    private int[] serviceNeighborhoodCount;
    private int[] locationsUsed;
    private int[] movedCount;
    private int[] servicesWithMovedCount;
    private int maxMovedCount;

    private long capacityAndTransientOverflow;
    private long conflicts;
    private long spreadShortfall;
    private long dependencyGaps;
    private long loadAndBalanceCost;
    private long processMoveCost;
    private long machineMoveCost;

    @Override
    public void resetWorkingSolution(MachineReassignment solution) {
        RoadefInstance instance = solution.getInstance();
        readFacts(instance);
        int serviceCount = instance.serviceCount();
        usage = new long[machineCount * resourceCount];
        heldByLeavers = new long[machineCount * resourceCount];
        machineHardPenalty = new long[machineCount];
        machineCost = new long[machineCount];
        serviceMachineCount = new int[serviceCount * machineCount];
        serviceLocationCount = new int[serviceCount * locationCount];
        serviceNeighborhoodCount = new int[serviceCount * neighborhoodCount];
        locationsUsed = new int[serviceCount];
        movedCount = new int[serviceCount];
        servicesWithMovedCount = new int[instance.processCount() + 1];
        servicesWithMovedCount[0] = serviceCount;
        maxMovedCount = 0;
        capacityAndTransientOverflow = 0;
        conflicts = 0;
        dependencyGaps = 0;
        loadAndBalanceCost = 0;
        processMoveCost = 0;
        machineMoveCost = 0;
        spreadShortfall = 0;
        for (int s = 0; s < serviceCount; s++) {
            spreadShortfall += spreadShortfall(s);
        }
        for (int m = 0; m < machineCount; m++) {
            // An empty machine already has a balance cost (target × capacity1 − capacity2 may be positive).
            machineHardPenalty[m] = hardPenaltyOf(m);
            machineCost[m] = costOf(m);
            capacityAndTransientOverflow += machineHardPenalty[m];
            loadAndBalanceCost += machineCost[m];
        }
        for (ProcessAssignment assignment : solution.getAssignments()) {
            insert(assignment);
        }
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
        retract((ProcessAssignment) entity);
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
        insert((ProcessAssignment) entity);
    }

    @Override
    public HardSoftScore calculateScore() {
        long hard = capacityAndTransientOverflow + conflicts + spreadShortfall + dependencyGaps;
        long soft = loadAndBalanceCost + weights.processMove() * processMoveCost
                + weights.serviceMove() * maxMovedCount + weights.machineMove() * machineMoveCost;
        return HardSoftScore.of(-hard, -soft);
    }

    private void insert(ProcessAssignment assignment) {
        change(assignment, 1);
    }

    private void retract(ProcessAssignment assignment) {
        change(assignment, -1);
    }

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) the assignment's contribution to every counter. */
    private void change(ProcessAssignment assignment, int sign) {
        RoadefMachine machine = assignment.getMachine();
        if (machine == null) {
            return;
        }
        RoadefProcess process = assignment.getProcess();
        int m = machine.index();
        int original = assignment.getOriginalMachine().index();
        int service = process.service();

        addRequirements(usage, m, process, sign);
        refreshMachine(m);
        if (m != original) {
            addRequirements(heldByLeavers, original, process, sign);
            refreshMachine(original);
            processMoveCost += sign * process.moveCost();
            changeMovedCount(service, sign);
        }
        machineMoveCost += sign * assignment.getOriginalMachine().moveCostTo(m);

        changeConflicts(service, m, sign);
        changeSpread(service, locationOf[m], sign);
        changeDependencies(service, neighborhoodOf[m], sign);
    }

    private void addRequirements(long[] perMachine, int m, RoadefProcess process, int sign) {
        int base = m * resourceCount;
        for (int r = 0; r < resourceCount; r++) {
            perMachine[base + r] += sign * process.requirement(r);
        }
    }

    private void refreshMachine(int m) {
        capacityAndTransientOverflow -= machineHardPenalty[m];
        loadAndBalanceCost -= machineCost[m];
        machineHardPenalty[m] = hardPenaltyOf(m);
        machineCost[m] = costOf(m);
        capacityAndTransientOverflow += machineHardPenalty[m];
        loadAndBalanceCost += machineCost[m];
    }

    /** Capacity and transient usage: the amount above capacity. */
    private long hardPenaltyOf(int m) {
        int base = m * resourceCount;
        long penalty = 0;
        for (int r = 0; r < resourceCount; r++) {
            int i = base + r;
            penalty += Math.max(0, usage[i] - capacity[i]);
            if (transientResource[r]) {
                penalty += Math.max(0, usage[i] + heldByLeavers[i] - capacity[i]);
            }
        }
        return penalty;
    }

    /** Load cost (usage above safety capacity) and balance cost, weighted. */
    private long costOf(int m) {
        int base = m * resourceCount;
        long cost = 0;
        for (int r = 0; r < resourceCount; r++) {
            cost += loadCostWeight[r] * Math.max(0, usage[base + r] - safetyCapacity[base + r]);
        }
        for (BalanceObjective balance : balanceObjectives) {
            long free1 = capacity[base + balance.resource1()] - usage[base + balance.resource1()];
            long free2 = capacity[base + balance.resource2()] - usage[base + balance.resource2()];
            cost += balance.weight() * Math.max(0, balance.target() * free1 - free2);
        }
        return cost;
    }

    /** Conflict: the second and every further process of a service on one machine is one violation. */
    private void changeConflicts(int service, int m, int sign) {
        int i = service * machineCount + m;
        if (sign > 0) {
            if (++serviceMachineCount[i] > 1) {
                conflicts++;
            }
        } else if (serviceMachineCount[i]-- > 1) {
            conflicts--;
        }
    }

    /** Spread: a service short of its spread min by k locations costs k. */
    private void changeSpread(int service, int location, int sign) {
        int i = service * locationCount + location;
        int before = serviceLocationCount[i];
        serviceLocationCount[i] += sign;
        if (before == 0 || serviceLocationCount[i] == 0) {
            spreadShortfall -= spreadShortfall(service);
            locationsUsed[service] += sign;
            spreadShortfall += spreadShortfall(service);
        }
    }

    private long spreadShortfall(int service) {
        return Math.max(0, spreadMin[service] - locationsUsed[service]);
    }

    /**
     * Dependency: counts (service, neighborhood, dependency) with the service present in the neighborhood and the
     * dependency absent. Only a service entering or leaving a neighborhood changes the count.
     */
    private void changeDependencies(int service, int neighborhood, int sign) {
        int i = service * neighborhoodCount + neighborhood;
        int before = serviceNeighborhoodCount[i];
        serviceNeighborhoodCount[i] += sign;
        boolean entered = before == 0;
        boolean left = serviceNeighborhoodCount[i] == 0;
        if (!entered && !left) {
            return;
        }
        int gapChange = 0;
        for (int dependency : dependenciesOf[service]) {
            if (dependency != service && serviceNeighborhoodCount[dependency * neighborhoodCount + neighborhood] == 0) {
                gapChange++; // the service's needs in this neighborhood appear (entered) or vanish (left)
            }
        }
        for (int dependent : dependentsOf[service]) {
            if (dependent != service && serviceNeighborhoodCount[dependent * neighborhoodCount + neighborhood] > 0) {
                gapChange--; // dependents here are served (entered) or stranded (left)
            }
        }
        dependencyGaps += entered ? gapChange : -gapChange;
    }

    /** Service move cost: the largest number of moved processes of any service, kept with a histogram. */
    private void changeMovedCount(int service, int sign) {
        int before = movedCount[service];
        int after = before + sign;
        movedCount[service] = after;
        servicesWithMovedCount[before]--;
        servicesWithMovedCount[after]++;
        if (after > maxMovedCount) {
            maxMovedCount = after;
        } else if (before == maxMovedCount && servicesWithMovedCount[before] == 0) {
            maxMovedCount = after;
        }
    }

    private void readFacts(RoadefInstance instance) {
        resourceCount = instance.resourceCount();
        machineCount = instance.machineCount();
        locationCount = instance.locationCount();
        neighborhoodCount = instance.neighborhoodCount();
        InstanceArrays arrays = InstanceArrays.of(instance);
        capacity = arrays.capacity();
        safetyCapacity = arrays.safetyCapacity();
        locationOf = arrays.locationOf();
        neighborhoodOf = arrays.neighborhoodOf();
        transientResource = arrays.transientResource();
        loadCostWeight = arrays.loadCostWeight();
        balanceObjectives = instance.balanceObjectives().toArray(BalanceObjective[]::new);
        spreadMin = arrays.spreadMin();
        dependenciesOf = arrays.dependenciesOf();
        dependentsOf = arrays.dependentsOf();
        weights = instance.weights();
    }
}
