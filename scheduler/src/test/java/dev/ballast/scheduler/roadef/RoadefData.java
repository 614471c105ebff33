package dev.ballast.scheduler.roadef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Locates the challenge's data under {@code ballast.data.dir} and parses each instance once per test run. */
final class RoadefData {
    private static final Map<String, RoadefInstance> PARSED = new ConcurrentHashMap<>();

    private RoadefData() {
    }

    static Path directory() {
        String dataDir = System.getProperty("ballast.data.dir");
        assumeTrue(dataDir != null, "ballast.data.dir is not set: skipping the ROADEF 2012 tests");
        Path directory = Path.of(dataDir, "roadef2012");
        assumeTrue(Files.isDirectory(directory), "no ROADEF 2012 data at " + directory + ": skipping");
        return directory;
    }

    /** The instance, or a skipped test when its model or assignment file is absent. */
    static RoadefInstance instance(String name) {
        Path setDirectory = directory().resolve(ReferenceCosts.setOf(name));
        Path model = setDirectory.resolve("model_" + name + ".txt");
        Path assignment = setDirectory.resolve("assignment_" + name + ".txt");
        assumeTrue(Files.isRegularFile(model) && Files.isRegularFile(assignment),
                "ROADEF 2012 instance " + name + " is absent (" + model + "): skipping");
        return PARSED.computeIfAbsent(name, n -> RoadefReader.read(n, model, assignment));
    }
}
