package dev.ballast.scheduler.roadef;

import java.util.ArrayList;
import java.util.List;

/**
 * An instance's facts as flat arrays, the form the incremental score and the placement snapshot read in their inner
 * loops: per machine and resource ({@code m * resourceCount + r}) the capacity and the safety capacity; per machine
 * its location and neighborhood; per resource its load-cost weight and whether it is transient; per service its
 * spread min, the services it depends on and the services that depend on it.
 */
record InstanceArrays(long[] capacity, long[] safetyCapacity, int[] locationOf, int[] neighborhoodOf,
                      long[] loadCostWeight, boolean[] transientResource,
                      int[] spreadMin, int[][] dependenciesOf, int[][] dependentsOf) {
    static InstanceArrays of(RoadefInstance instance) {
        int machineCount = instance.machineCount();
        int resourceCount = instance.resourceCount();
        long[] capacity = new long[machineCount * resourceCount];
        long[] safety = new long[machineCount * resourceCount];
        int[] locationOf = new int[machineCount];
        int[] neighborhoodOf = new int[machineCount];
        for (RoadefMachine machine : instance.machines()) {
            int m = machine.index();
            for (int r = 0; r < resourceCount; r++) {
                capacity[m * resourceCount + r] = machine.capacity(r);
                safety[m * resourceCount + r] = machine.safetyCapacity(r);
            }
            locationOf[m] = machine.location();
            neighborhoodOf[m] = machine.neighborhood();
        }
        long[] loadCostWeight = new long[resourceCount];
        boolean[] transientResource = new boolean[resourceCount];
        for (RoadefResource resource : instance.resources()) {
            loadCostWeight[resource.index()] = resource.loadCostWeight();
            transientResource[resource.index()] = resource.transientUsage();
        }
        int serviceCount = instance.serviceCount();
        int[] spreadMin = new int[serviceCount];
        int[][] dependenciesOf = new int[serviceCount][];
        List<List<Integer>> dependents = new ArrayList<>(serviceCount);
        for (int s = 0; s < serviceCount; s++) {
            dependents.add(new ArrayList<>());
        }
        for (RoadefService service : instance.services()) {
            spreadMin[service.index()] = service.spreadMin();
            dependenciesOf[service.index()] = service.dependencies().clone();
            for (int dependency : service.dependencies()) {
                dependents.get(dependency).add(service.index());
            }
        }
        int[][] dependentsOf = new int[serviceCount][];
        for (int s = 0; s < serviceCount; s++) {
            dependentsOf[s] = dependents.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        return new InstanceArrays(capacity, safety, locationOf, neighborhoodOf, loadCostWeight, transientResource,
                spreadMin, dependenciesOf, dependentsOf);
    }
}
