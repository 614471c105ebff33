package dev.ballast.scheduler.roadef;

/**
 * A machine (host): its neighborhood (network locality for service dependencies), its location (failure domain for
 * spread), per-resource capacity and safety capacity (headroom), and the cost of moving a process from this machine
 * to each machine ({@code moveCosts[target]}).
 */
public record RoadefMachine(int index, int neighborhood, int location, long[] capacities, long[] safetyCapacities,
                            long[] moveCosts) {

    public long capacity(int resource) {
        return capacities[resource];
    }

    public long safetyCapacity(int resource) {
        return safetyCapacities[resource];
    }

    public long moveCostTo(int machine) {
        return moveCosts[machine];
    }

    @Override
    public String toString() {
        return "machine " + index;
    }
}
