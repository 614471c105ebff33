package dev.ballast.collectors.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the public traces live: the system property {@code ballast.data.dir}, else the environment variable
 * {@code BALLAST_DATA_DIR}. The data is read in place, never copied into the project.
 */
public final class TraceDataDirectory {
    public static final String PROPERTY = "ballast.data.dir";
    public static final String ENVIRONMENT = "BALLAST_DATA_DIR";

    private TraceDataDirectory() {
    }

    /** The configured directory if it is set and exists. */
    public static Optional<Path> configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(value);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** A named trace set under the configured directory ({@code planetlab}, {@code gcd}, {@code bitbrains-rnd}), if present. */
    public static Optional<Path> set(String name) {
        return configured().map(d -> d.resolve(name)).filter(Files::isDirectory);
    }
}
