package dev.ballast.scheduler.roadef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the challenge's model and assignment files (format of the official subject, see
 * ../shared/data/roadef2012/PROVENANCE.md). Solution files have the assignment format, so {@link #readAssignment}
 * reads those too.
 */
public final class RoadefReader {
    private static final int MAX_COUNT = 10_000_000;

    private RoadefReader() {
    }

    /** Reads {@code model_<name>.txt} and {@code assignment_<name>.txt} from {@code directory}. */
    public static RoadefInstance read(Path directory, String name) {
        return read(name, directory.resolve("model_" + name + ".txt"), directory.resolve("assignment_" + name + ".txt"));
    }

    public static RoadefInstance read(String name, Path modelFile, Path assignmentFile) {
        Model model = readModel(modelFile);
        int[] original = readAssignment(assignmentFile, model.processes.size(), model.machines.size());
        return new RoadefInstance(name, model.resources, model.machines, model.services, model.processes,
                model.balances, model.weights, original);
    }

    /** Reads one line (or any whitespace-separated list) of exactly {@code processCount} machine indices. */
    public static int[] readAssignment(Path file, int processCount, int machineCount) {
        IntegerTokens tokens = open(file);
        int[] machines = new int[processCount];
        for (int p = 0; p < processCount; p++) {
            machines[p] = tokens.nextInt("machine of process " + p, 0, machineCount);
        }
        tokens.expectEnd();
        return machines;
    }

    private record Model(List<RoadefResource> resources, List<RoadefMachine> machines, List<RoadefService> services,
                         List<RoadefProcess> processes, List<BalanceObjective> balances, MoveCostWeights weights) {
    }

    private static Model readModel(Path file) {
        IntegerTokens in = open(file);
        int resourceCount = in.nextInt("number of resources", 1, MAX_COUNT);
        List<RoadefResource> resources = new ArrayList<>(resourceCount);
        for (int r = 0; r < resourceCount; r++) {
            boolean transientUsage = in.nextInt("transient flag (0 or 1) of resource " + r, 0, 2) == 1;
            resources.add(new RoadefResource(r, transientUsage, in.nextNonNegative("load cost weight of resource " + r)));
        }
        int machineCount = in.nextInt("number of machines", 1, MAX_COUNT);
        List<RoadefMachine> machines = new ArrayList<>(machineCount);
        for (int m = 0; m < machineCount; m++) {
            int neighborhood = in.nextInt("neighborhood of machine " + m, 0, MAX_COUNT);
            int location = in.nextInt("location of machine " + m, 0, MAX_COUNT);
            long[] capacities = readLongs(in, resourceCount, "capacity of machine " + m + " for resource ");
            long[] safety = readLongs(in, resourceCount, "safety capacity of machine " + m + " for resource ");
            for (int r = 0; r < resourceCount; r++) {
                if (safety[r] > capacities[r]) {
                    throw in.error("safety capacity " + safety[r] + " of machine " + m + " for resource " + r
                            + " exceeds its capacity " + capacities[r]);
                }
            }
            long[] moveCosts = readLongs(in, machineCount, "move cost from machine " + m + " to machine ");
            machines.add(new RoadefMachine(m, neighborhood, location, capacities, safety, moveCosts));
        }
        int serviceCount = in.nextInt("number of services", 1, MAX_COUNT);
        List<RoadefService> services = new ArrayList<>(serviceCount);
        for (int s = 0; s < serviceCount; s++) {
            int spreadMin = in.nextInt("spread min of service " + s, 0, MAX_COUNT);
            int dependencyCount = in.nextInt("number of dependencies of service " + s, 0, serviceCount + 1);
            int[] dependencies = new int[dependencyCount];
            for (int d = 0; d < dependencyCount; d++) {
                dependencies[d] = in.nextInt("dependency " + d + " of service " + s, 0, serviceCount);
            }
            services.add(new RoadefService(s, spreadMin, dependencies));
        }
        int processCount = in.nextInt("number of processes", 1, MAX_COUNT);
        List<RoadefProcess> processes = new ArrayList<>(processCount);
        for (int p = 0; p < processCount; p++) {
            int service = in.nextInt("service of process " + p, 0, serviceCount);
            long[] requirements = readLongs(in, resourceCount, "requirement of process " + p + " for resource ");
            processes.add(new RoadefProcess(p, service, requirements, in.nextNonNegative("move cost of process " + p)));
        }
        int balanceCount = in.nextInt("number of balance objectives", 0, MAX_COUNT);
        List<BalanceObjective> balances = new ArrayList<>(balanceCount);
        for (int b = 0; b < balanceCount; b++) {
            int r1 = in.nextInt("first resource of balance objective " + b, 0, resourceCount);
            int r2 = in.nextInt("second resource of balance objective " + b, 0, resourceCount);
            long target = in.nextNonNegative("target of balance objective " + b);
            balances.add(new BalanceObjective(r1, r2, target, in.nextNonNegative("weight of balance objective " + b)));
        }
        MoveCostWeights weights = new MoveCostWeights(in.nextNonNegative("weight of the process move cost"),
                in.nextNonNegative("weight of the service move cost"), in.nextNonNegative("weight of the machine move cost"));
        in.expectEnd();
        return new Model(resources, machines, services, processes, balances, weights);
    }

    private static long[] readLongs(IntegerTokens in, int count, String expectedPrefix) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.nextNonNegative(expectedPrefix + i);
        }
        return values;
    }

    private static IntegerTokens open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        try {
            return IntegerTokens.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
