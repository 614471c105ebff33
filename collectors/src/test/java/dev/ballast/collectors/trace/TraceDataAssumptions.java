package dev.ballast.collectors.trace;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;

/** Real-data tests skip, saying why, when the public traces are not on this machine. */
final class TraceDataAssumptions {
    private TraceDataAssumptions() {
    }

    static Path requireSet(String name) {
        var dir = TraceDataDirectory.set(name);
        Assumptions.assumeTrue(dir.isPresent(), () -> "trace set '" + name + "' not found: set -D" + TraceDataDirectory.PROPERTY
                + " (now '" + System.getProperty(TraceDataDirectory.PROPERTY) + "') to the directory holding it");
        return dir.orElseThrow();
    }
}
