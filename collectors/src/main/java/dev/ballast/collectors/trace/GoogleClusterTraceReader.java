package dev.ballast.collectors.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-job derivative of the Google cluster trace 2011 (HiPro-IT): files {@code vm_<jobId>_<day>}, 288 lines of
 * {@code <cpu %> <memory %>} at 300 s. The derivative has no absolute time: day {@code d} starts nominally at
 * 2011-05-01 + (d - 1) days, UTC. Memory above 100 % (613 samples in the set) is clamped to 100 %.
 */
public final class GoogleClusterTraceReader {
    public static final Duration STEP = Duration.ofSeconds(300);
    private static final Instant DAY_ONE = Instant.parse("2011-05-01T00:00:00Z");
    private static final Pattern NAME = Pattern.compile("vm_(\\d+)_(\\d+)");

    /** One series per file, ordered by job id then day. */
    public List<TraceSeries> readAll(Path dir) {
        List<Path> files = new ArrayList<>(TraceFiles.list(dir, n -> NAME.matcher(n).matches()));
        files.sort(Comparator.comparing((Path p) -> job(p)).thenComparingInt(GoogleClusterTraceReader::day));
        return files.stream().map(this::readFile).toList();
    }

    /**
     * One series per job, consecutive days joined (a job seen on days 1, 2, 3 gives one 864-sample series; days 1
     * and 3 give two): longer histories let seasonal estimators see whole days.
     */
    public List<TraceSeries> readJoinedByJob(Path dir) {
        List<TraceSeries> days = readAll(dir);
        List<TraceSeries> joined = new ArrayList<>();
        TraceSeries current = null;
        for (TraceSeries s : days) {
            if (current != null && job(current.name()).equals(job(s.name())) && current.end().equals(s.start())) {
                current = concat(current, s);
            } else {
                if (current != null) {
                    joined.add(current);
                }
                current = s;
            }
        }
        if (current != null) {
            joined.add(current);
        }
        return joined;
    }

    public TraceSeries readFile(Path file) {
        String name = file.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("a Google derivative trace is named vm_<jobId>_<day>, was '" + name + "'");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Google trace " + file, e);
        }
        double[] cpu = new double[lines.size()];
        double[] memory = new double[lines.size()];
        int k = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 2) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected '<cpu %> <memory %>', was '" + line + "'");
            }
            cpu[k] = TraceFiles.percentToFraction(TraceFiles.parse(fields[0], file, i + 1, "CPU %"), file, i + 1, "CPU %");
            memory[k] = TraceFiles.percentToFraction(TraceFiles.parse(fields[1], file, i + 1, "memory %"), file, i + 1, "memory %");
            k++;
        }
        if (k == 0) {
            throw new IllegalArgumentException("Google trace has no samples: " + file);
        }
        int day = Integer.parseInt(m.group(2));
        return new TraceSeries(name, DAY_ONE.plus(Duration.ofDays(day - 1L)), STEP,
                Arrays.copyOf(cpu, k), Arrays.copyOf(memory, k), null);
    }

    private static TraceSeries concat(TraceSeries a, TraceSeries b) {
        double[] cpu = Arrays.copyOf(a.cpu(), a.length() + b.length());
        System.arraycopy(b.cpu(), 0, cpu, a.length(), b.length());
        double[] memory = Arrays.copyOf(a.memory(), a.length() + b.length());
        System.arraycopy(b.memory(), 0, memory, a.length(), b.length());
        String name = a.name().replaceFirst("-\\d+$", "") + "-" + day(b.name());
        return new TraceSeries(name, a.start(), a.step(), cpu, memory, null);
    }

    private static String job(Path p) {
        return job(p.getFileName().toString());
    }

    private static String job(String name) {
        Matcher m = NAME.matcher(name.replaceAll("_(\\d+)-\\d+$", "_$1"));
        return m.matches() ? m.group(1) : name;
    }

    private static int day(Path p) {
        return day(p.getFileName().toString());
    }

    private static int day(String name) {
        // a joined name ends in _<first>-<last>: the last day is what follows
        String tail = name.substring(name.lastIndexOf('_') + 1);
        int dash = tail.indexOf('-');
        return Integer.parseInt(dash < 0 ? tail : tail.substring(dash + 1));
    }
}
