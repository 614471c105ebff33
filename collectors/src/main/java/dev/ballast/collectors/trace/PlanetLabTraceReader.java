package dev.ballast.collectors.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * PlanetLab CoMon CPU traces as shipped with CloudSim: one folder per day ({@code YYYYMMDD}), one file per VM, one
 * CPU percentage per line, 288 lines of 300 s. No memory. Files come in plain name order, the order the CloudSim
 * reference figures assume.
 */
public final class PlanetLabTraceReader {
    public static final Duration STEP = Duration.ofSeconds(300);

    /** The day folders under the PlanetLab root, oldest first. */
    public List<Path> days(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("PlanetLab directory does not exist: " + root);
        }
        try (var dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).filter(p -> p.getFileName().toString().matches("\\d{8}")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** Every VM of one day folder, in file-name order; the folder name gives the start date (00:00 UTC). */
    public List<TraceSeries> readDay(Path dayDir) {
        Instant start = dayStart(dayDir);
        return TraceFiles.list(dayDir, name -> !name.startsWith(".")).stream().map(f -> readFile(f, start)).toList();
    }

    public TraceSeries readFile(Path file, Instant start) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PlanetLab trace " + file, e);
        }
        double[] cpu = new double[lines.size()];
        int k = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            cpu[k++] = TraceFiles.percentToFraction(TraceFiles.parse(line, file, i + 1, "CPU %"), file, i + 1, "CPU %");
        }
        if (k == 0) {
            throw new IllegalArgumentException("PlanetLab trace has no samples: " + file);
        }
        return new TraceSeries(file.getFileName().toString(), start, STEP, Arrays.copyOf(cpu, k), null, null);
    }

    private static Instant dayStart(Path dayDir) {
        String name = dayDir.getFileName().toString();
        try {
            return LocalDate.parse(name, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a PlanetLab day folder is named YYYYMMDD, was '" + name + "' (" + dayDir + ")");
        }
    }
}
