package dev.ballast.scheduler.roadef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes feasibility and every cost of an assignment from the instance alone, straight from the challenge's
 * problem definition, sharing no code with the solver's score calculator (so each checks the other).
 */
public final class RoadefChecker {
    public static final String CAPACITY = "capacity";
    public static final String CONFLICT = "conflict";
    public static final String SPREAD = "spread";
    public static final String DEPENDENCY = "dependency";
    public static final String TRANSIENT = "transient";
    private static final int DESCRIBED_VIOLATIONS = 20;

    private RoadefChecker() {
    }

    public static CheckResult check(RoadefInstance instance, int[] assignment) {
        int machineCount = instance.machineCount();
        int resourceCount = instance.resourceCount();
        if (assignment.length != instance.processCount()) {
            throw new IllegalArgumentException(instance.name() + ": assignment has " + assignment.length
                    + " machines for " + instance.processCount() + " processes");
        }
        for (int p = 0; p < assignment.length; p++) {
            if (assignment[p] < 0 || assignment[p] >= machineCount) {
                throw new IllegalArgumentException(instance.name() + ": process " + p + " is on machine " + assignment[p]
                        + ", outside [0, " + machineCount + ")");
            }
        }
        int[] original = instance.originalMachines();
        Violations violations = new Violations();

        // U(m, r): what the processes assigned to m require; T(m, r): what processes that left m still hold there.
        long[][] usage = new long[machineCount][resourceCount];
        long[][] heldByLeavers = new long[machineCount][resourceCount];
        for (RoadefProcess process : instance.processes()) {
            int p = process.index();
            for (int r = 0; r < resourceCount; r++) {
                usage[assignment[p]][r] += process.requirement(r);
                if (original[p] != assignment[p]) {
                    heldByLeavers[original[p]][r] += process.requirement(r);
                }
            }
        }
        for (RoadefMachine machine : instance.machines()) {
            int m = machine.index();
            for (int r = 0; r < resourceCount; r++) {
                if (usage[m][r] > machine.capacity(r)) {
                    violations.add(CAPACITY, "machine " + m + " uses " + usage[m][r] + " of resource " + r
                            + ", capacity " + machine.capacity(r));
                }
                if (instance.resources().get(r).transientUsage() && usage[m][r] + heldByLeavers[m][r] > machine.capacity(r)) {
                    violations.add(TRANSIENT, "machine " + m + " holds " + (usage[m][r] + heldByLeavers[m][r])
                            + " of transient resource " + r + " (including processes that left it), capacity " + machine.capacity(r));
                }
            }
        }

        List<List<Integer>> processesOfService = new ArrayList<>();
        for (int s = 0; s < instance.serviceCount(); s++) {
            processesOfService.add(new ArrayList<>());
        }
        for (RoadefProcess process : instance.processes()) {
            processesOfService.get(process.service()).add(process.index());
        }

        List<Set<Integer>> neighborhoodsOfService = new ArrayList<>();
        for (RoadefService service : instance.services()) {
            List<Integer> members = processesOfService.get(service.index());
            Set<Integer> machines = new HashSet<>();
            Set<Integer> locations = new HashSet<>();
            Set<Integer> neighborhoods = new HashSet<>();
            for (int p : members) {
                RoadefMachine machine = instance.machines().get(assignment[p]);
                if (!machines.add(machine.index())) {
                    violations.add(CONFLICT, "service " + service.index() + " has two processes on machine " + machine.index()
                            + " (process " + p + " and another)");
                }
                locations.add(machine.location());
                neighborhoods.add(machine.neighborhood());
            }
            if (locations.size() < service.spreadMin()) {
                violations.add(SPREAD, "service " + service.index() + " spans " + locations.size()
                        + " locations, spread min " + service.spreadMin());
            }
            neighborhoodsOfService.add(neighborhoods);
        }
        // A process of s in neighborhood n needs a process of every service s depends on in n.
        for (RoadefService service : instance.services()) {
            for (int p : processesOfService.get(service.index())) {
                int neighborhood = instance.machines().get(assignment[p]).neighborhood();
                for (int dependency : service.dependencies()) {
                    if (!neighborhoodsOfService.get(dependency).contains(neighborhood)) {
                        violations.add(DEPENDENCY, "process " + p + " of service " + service.index() + " is in neighborhood "
                                + neighborhood + " where service " + dependency + " (a dependency) has no process");
                    }
                }
            }
        }
        return new CheckResult(violations.counts, violations.described, costs(instance, assignment, usage, processesOfService));
    }

    private static CostBreakdown costs(RoadefInstance instance, int[] assignment, long[][] usage,
                                       List<List<Integer>> processesOfService) {
        int[] original = instance.originalMachines();
        long total = 0;
        long[] loadCosts = new long[instance.resourceCount()];
        for (RoadefResource resource : instance.resources()) {
            int r = resource.index();
            for (RoadefMachine machine : instance.machines()) {
                loadCosts[r] += Math.max(0, usage[machine.index()][r] - machine.safetyCapacity(r));
            }
            total += resource.loadCostWeight() * loadCosts[r];
        }
        long[] balanceCosts = new long[instance.balanceObjectives().size()];
        for (int b = 0; b < balanceCosts.length; b++) {
            BalanceObjective balance = instance.balanceObjectives().get(b);
            for (RoadefMachine machine : instance.machines()) {
                long free1 = machine.capacity(balance.resource1()) - usage[machine.index()][balance.resource1()];
                long free2 = machine.capacity(balance.resource2()) - usage[machine.index()][balance.resource2()];
                balanceCosts[b] += Math.max(0, balance.target() * free1 - free2);
            }
            total += balance.weight() * balanceCosts[b];
        }
        long processMoveCost = 0;
        long machineMoveCost = 0;
        for (RoadefProcess process : instance.processes()) {
            int p = process.index();
            if (assignment[p] != original[p]) {
                processMoveCost += process.moveCost();
            }
            machineMoveCost += instance.machines().get(original[p]).moveCostTo(assignment[p]);
        }
        long serviceMoveCost = 0;
        for (List<Integer> members : processesOfService) {
            long moved = members.stream().filter(p -> assignment[p] != original[p]).count();
            serviceMoveCost = Math.max(serviceMoveCost, moved);
        }
        MoveCostWeights weights = instance.weights();
        total += weights.processMove() * processMoveCost + weights.serviceMove() * serviceMoveCost
                + weights.machineMove() * machineMoveCost;
        return new CostBreakdown(loadCosts, balanceCosts, processMoveCost, serviceMoveCost, machineMoveCost, total);
    }

    private static final class Violations {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        final List<String> described = new ArrayList<>();

        Violations() {
            for (String kind : List.of(CAPACITY, CONFLICT, SPREAD, DEPENDENCY, TRANSIENT)) {
                counts.put(kind, 0);
            }
        }

        void add(String kind, String description) {
            counts.merge(kind, 1, Integer::sum);
            if (described.size() < DESCRIBED_VIOLATIONS) {
                described.add(kind + ": " + description);
            }
        }
    }
}
