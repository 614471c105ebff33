package dev.ballast.scheduler.roadef;

/**
 * An instance's machines and resources as flat arrays, the form the incremental score and the placement snapshot
 * read in their inner loops: per machine and resource ({@code m * resourceCount + r}) the capacity and the safety
 * capacity; per machine its location and neighborhood; per resource its load-cost weight and whether it is transient.
 */
record MachineArrays(long[] capacity, long[] safetyCapacity, int[] locationOf, int[] neighborhoodOf,
                     long[] loadCostWeight, boolean[] transientResource) {
    static MachineArrays of(RoadefInstance instance) {
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
        return new MachineArrays(capacity, safety, locationOf, neighborhoodOf, loadCostWeight, transientResource);
    }
}
