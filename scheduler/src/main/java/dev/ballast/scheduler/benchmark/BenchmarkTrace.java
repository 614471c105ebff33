package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.BitbrainsTraceReader;
import dev.ballast.collectors.trace.GoogleClusterTraceReader;
import dev.ballast.collectors.trace.TraceSeries;

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
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The trace sets the benchmark replays, and what a "day" is in each: a PlanetLab day folder ({@code 20110303}),
 * a day of the Google cluster derivative (1–5: the jobs seen that day, {@code vm_<job>_<day>}), or a calendar
 * day of the Bitbrains Rnd month 2013-7 (1–29: the VMs whose series covers that UTC day, cut to it).
 */
public enum BenchmarkTrace {
    PLANETLAB("planetlab", "20110303"),
    GOOGLE("google", "1"),
    BITBRAINS("bitbrains", "1");

    private static final Instant BITBRAINS_MONTH = Instant.parse("2013-07-01T00:00:00Z");
    private static final int BITBRAINS_DAYS = 29;
    private static final Pattern GOOGLE_FILE = Pattern.compile("vm_\\d+_\\d+");
    private static final int DAY_SAMPLES = 288;

    private final String cli;
    private final String defaultDay;

    BenchmarkTrace(String cli, String defaultDay) {
        this.cli = cli;
        this.defaultDay = defaultDay;
    }

    public String cli() {
        return cli;
    }

    String defaultDay() {
        return defaultDay;
    }

    public static BenchmarkTrace parse(String text) {
        for (BenchmarkTrace t : values()) {
            if (t.cli.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown trace '" + text + "', expected planetlab, google or bitbrains");
    }

    /** The folder under the data directory that must exist. */
    Path root(Path dataDir) {
        return switch (this) {
            case PLANETLAB -> dataDir.resolve("planetlab");
            case GOOGLE -> dataDir.resolve("gcd");
            case BITBRAINS -> dataDir.resolve("bitbrains-rnd/2013-7");
        };
    }

    /** The label of a day in tables and file names. */
    String label(String day) {
        return switch (this) {
            case PLANETLAB -> day;
            case GOOGLE -> "google-" + day;
            case BITBRAINS -> "bitbrains-" + BITBRAINS_MONTH.plus(Duration.ofDays(bitbrainsDay(day) - 1L)).toString().substring(0, 10);
        };
    }

    /** Reads the trace set's days, caching what several days share (the Bitbrains month is read once). */
    Days open(Path dataDir, int maxVms) {
        Path root = root(dataDir);
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no " + cli + " traces at " + root.toAbsolutePath()
                    + " (set -Dballast.data.dir to the directory holding planetlab/, gcd/ and bitbrains-rnd/)");
        }
        return new Days(this, root, maxVms);
    }

    /** One trace set under a data directory. */
    static final class Days {
        private final BenchmarkTrace trace;
        private final Path root;
        private final int maxVms;
        private List<TraceSeries> bitbrains;
        private List<TraceSeries> google;

        private Days(BenchmarkTrace trace, Path root, int maxVms) {
            this.trace = trace;
            this.root = root;
            this.maxVms = maxVms;
        }

        List<String> all() {
            return switch (trace) {
                case PLANETLAB -> new PlanetLabDays(root.getParent()).all();
                case GOOGLE -> googleSeries().stream().map(s -> s.name().substring(s.name().lastIndexOf('_') + 1))
                        .distinct().sorted(Comparator.comparingInt(Integer::parseInt)).toList();
                case BITBRAINS -> IntStream.rangeClosed(1, BITBRAINS_DAYS).mapToObj(Integer::toString).toList();
            };
        }

        /** The day's VMs in the reader's order, at most {@code maxVms} of them when it is positive. */
        List<TraceSeries> read(String day) {
            List<TraceSeries> out = switch (trace) {
                case PLANETLAB -> new PlanetLabDays(root.getParent()).read(day);
                case GOOGLE -> {
                    int d = googleDay(day);
                    List<TraceSeries> ofDay = googleSeries().stream().filter(s -> s.name().endsWith("_" + d)).toList();
                    if (ofDay.isEmpty()) {
                        throw new IllegalArgumentException("no Google trace of day " + day + " under " + root.toAbsolutePath()
                                + "; days present: " + all());
                    }
                    yield ofDay;
                }
                case BITBRAINS -> bitbrainsOfDay(bitbrainsDay(day));
            };
            return maxVms > 0 && out.size() > maxVms ? List.copyOf(out.subList(0, maxVms)) : out;
        }

        private List<TraceSeries> googleSeries() {
            if (google == null) {
                google = new GoogleClusterTraceReader().readAll(root);
            }
            return google;
        }

        private List<TraceSeries> bitbrainsOfDay(int day) {
            Instant from = BITBRAINS_MONTH.plus(Duration.ofDays(day - 1L));
            List<TraceSeries> out = new ArrayList<>();
            for (TraceSeries s : bitbrainsSeries(from)) {
                long offset = Duration.between(s.start(), from).toSeconds() / s.step().toSeconds();
                if (offset >= 0 && offset + DAY_SAMPLES <= s.length()) {
                    int o = (int) offset;
                    out.add(new TraceSeries(s.name(), from, s.step(), Arrays.copyOfRange(s.cpu(), o, o + DAY_SAMPLES),
                            s.hasMemory() ? Arrays.copyOfRange(s.memory(), o, o + DAY_SAMPLES) : null, s.provisioned()));
                    if (maxVms > 0 && out.size() >= maxVms) {
                        break;
                    }
                }
            }
            return out;
        }

        /** The month's usable VMs in numeric order; with a VM cap, only as many files as the day needs. */
        private List<TraceSeries> bitbrainsSeries(Instant from) {
            if (bitbrains != null) {
                return bitbrains;
            }
            BitbrainsTraceReader reader = new BitbrainsTraceReader();
            List<Path> files;
            try (Stream<Path> list = Files.list(root)) {
                files = new ArrayList<>(list.filter(p -> p.getFileName().toString().matches("\\d+\\.csv\\.gz")).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
            files.sort(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().replace(".csv.gz", ""))));
            List<TraceSeries> read = new ArrayList<>();
            int covering = 0;
            for (Path f : files) {
                var s = reader.read(f);
                if (s.isEmpty()) {
                    continue;
                }
                read.add(s.get());
                long offset = Duration.between(s.get().start(), from).toSeconds() / s.get().step().toSeconds();
                if (offset >= 0 && offset + DAY_SAMPLES <= s.get().length() && maxVms > 0 && ++covering >= maxVms) {
                    // enough for this day; a later day re-reads (only the smoke test caps VMs)
                    return read;
                }
            }
            bitbrains = read;
            return read;
        }
    }

    private static int googleDay(String day) {
        return dayNumber(day, "Google", 1, 5);
    }

    private static int bitbrainsDay(String day) {
        return dayNumber(day, "Bitbrains", 1, BITBRAINS_DAYS);
    }

    private static int dayNumber(String day, String set, int min, int max) {
        try {
            int d = Integer.parseInt(day.trim());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(set + " days are numbered " + min + ".." + max + ", was '" + day + "'");
    }
}
