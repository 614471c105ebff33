package dev.ballast.collectors.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Directory listing shared by the readers: regular files in plain name order (the order CloudSim papers use). */
final class TraceFiles {
    private TraceFiles() {
    }

    static List<Path> list(Path dir, Predicate<String> nameFilter) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("trace directory does not exist: " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> nameFilter.test(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list trace directory " + dir, e);
        }
    }

    static double parse(String text, Path file, int lineNumber, String what) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": " + what + " is not a number: '" + text + "'");
        }
    }

    /** Percent to a fraction, clamping above 100 % (traces hold rounding overshoots) and rejecting negatives. */
    static double percentToFraction(double percent, Path file, int lineNumber, String what) {
        if (!Double.isFinite(percent) || percent < 0) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": " + what + " must be a percentage >= 0, was " + percent);
        }
        return Math.min(percent, 100.0) / 100.0;
    }
}
