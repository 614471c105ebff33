package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.PlanetLabTraceReader;
import dev.ballast.collectors.trace.TraceSeries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The PlanetLab days under a data directory ({@code <data>/planetlab/YYYYMMDD}), read with the collectors' reader. */
final class PlanetLabDays {
    private final Path root;
    private final PlanetLabTraceReader reader = new PlanetLabTraceReader();

    PlanetLabDays(Path dataDir) {
        this.root = dataDir.resolve("planetlab");
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no PlanetLab traces at " + root.toAbsolutePath()
                    + " (set -Dballast.data.dir to the directory holding planetlab/YYYYMMDD)");
        }
    }

    List<String> all() {
        return reader.days(root).stream().map(p -> p.getFileName().toString()).toList();
    }

    List<TraceSeries> read(String day) {
        Path dir = root.resolve(day);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no PlanetLab day '" + day + "' under " + root.toAbsolutePath()
                    + "; days present: " + all());
        }
        return reader.readDay(dir);
    }
}
