package dev.ballast.scheduler.roadef;

import java.util.List;

/** One challenge instance: the model and the original assignment ({@code originalMachines[process]}). */
public record RoadefInstance(String name, List<RoadefResource> resources, List<RoadefMachine> machines,
                             List<RoadefService> services, List<RoadefProcess> processes,
                             List<BalanceObjective> balanceObjectives, MoveCostWeights weights, int[] originalMachines) {

    public RoadefInstance {
        resources = List.copyOf(resources);
        machines = List.copyOf(machines);
        services = List.copyOf(services);
        processes = List.copyOf(processes);
        balanceObjectives = List.copyOf(balanceObjectives);
        if (originalMachines.length != processes.size()) {
            throw new IllegalArgumentException(name + ": original assignment has " + originalMachines.length
                    + " machines for " + processes.size() + " processes");
        }
    }

    public int resourceCount() {
        return resources.size();
    }

    public int machineCount() {
        return machines.size();
    }

    public int serviceCount() {
        return services.size();
    }

    public int processCount() {
        return processes.size();
    }

    /** Neighborhoods and locations are numbered from 0; these are one past the largest number used. */
    public int neighborhoodCount() {
        return machines.stream().mapToInt(RoadefMachine::neighborhood).max().orElse(-1) + 1;
    }

    public int locationCount() {
        return machines.stream().mapToInt(RoadefMachine::location).max().orElse(-1) + 1;
    }

    public String summary() {
        return "%s: %d resources, %d machines, %d services, %d processes, %d balance objectives, %d neighborhoods, %d locations"
                .formatted(name, resourceCount(), machineCount(), serviceCount(), processCount(), balanceObjectives.size(),
                        neighborhoodCount(), locationCount());
    }
}
