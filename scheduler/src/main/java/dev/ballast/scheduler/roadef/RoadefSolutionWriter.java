package dev.ballast.scheduler.roadef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a solution in the challenge's format: one line, the machine index of every process in order. */
public final class RoadefSolutionWriter {
    private RoadefSolutionWriter() {
    }

    public static void write(Path file, int[] machines) {
        StringBuilder line = new StringBuilder(machines.length * 5);
        for (int p = 0; p < machines.length; p++) {
            if (p > 0) {
                line.append(' ');
            }
            line.append(machines[p]);
        }
        line.append('\n');
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, line, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write solution " + file, e);
        }
    }
}
