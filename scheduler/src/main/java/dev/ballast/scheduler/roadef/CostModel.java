package dev.ballast.scheduler.roadef;

import java.util.List;

/**
 * The instance's cost parameters as one problem fact for the constraint streams: resources (transient flag, load
 * cost weight), balance objectives and move cost weights.
 */
public record CostModel(List<RoadefResource> resources, List<BalanceObjective> balanceObjectives, MoveCostWeights weights) {

    public static CostModel of(RoadefInstance instance) {
        return new CostModel(instance.resources(), instance.balanceObjectives(), instance.weights());
    }

    /** Transient usage above capacity: {@code held} counts the machine's processes and those that left it. */
    public long transientOverflow(RoadefMachine machine, ResourceUsage held) {
        long overflow = 0;
        for (RoadefResource resource : resources) {
            if (resource.transientUsage()) {
                overflow += Math.max(0, held.amount(resource.index()) - machine.capacity(resource.index()));
            }
        }
        return overflow;
    }

    /** Weighted usage above the safety capacity (headroom), summed over resources. */
    public long loadCost(RoadefMachine machine, ResourceUsage usage) {
        long cost = 0;
        for (RoadefResource resource : resources) {
            int r = resource.index();
            cost += resource.loadCostWeight() * Math.max(0, usage.amount(r) - machine.safetyCapacity(r));
        }
        return cost;
    }

    /** Weighted balance cost: {@code max(0, target × free(r1) − free(r2))} per objective. */
    public long balanceCost(RoadefMachine machine, ResourceUsage usage) {
        long cost = 0;
        for (BalanceObjective balance : balanceObjectives) {
            long shortfall = balance.target() * usage.free(machine, balance.resource1()) - usage.free(machine, balance.resource2());
            cost += balance.weight() * Math.max(0, shortfall);
        }
        return cost;
    }
}
