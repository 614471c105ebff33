package dev.ballast.predictors.evaluation;

import dev.ballast.collectors.trace.BitbrainsTraceReader;
import dev.ballast.collectors.trace.GoogleClusterTraceReader;
import dev.ballast.collectors.trace.PlanetLabTraceReader;
import dev.ballast.collectors.trace.TraceSeries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The three public trace sets, where each lives under the data directory and how it is read. */
public enum TraceSet {
    /** Every day folder, one series per VM-day (CPU only). */
    PLANETLAB("planetlab"),
    /** Consecutive days of a job joined (up to 5 days, so daily seasons show). */
    GOOGLE("gcd"),
    /** Month 2013-7, resampled to 300 s (up to 30 days per VM). */
    BITBRAINS("bitbrains-rnd");

    private final String directory;

    TraceSet(String directory) {
        this.directory = directory;
    }

    public String directory() {
        return directory;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TraceSet parse(String text) {
        for (TraceSet s : values()) {
            if (s.label().equalsIgnoreCase(text.trim()) || s.directory.equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown trace set '" + text + "', expected one of planetlab, google, bitbrains");
    }

    public boolean presentUnder(Path dataDir) {
        return Files.isDirectory(dataDir.resolve(directory));
    }

    /** The set's VMs in the reader's order, at most {@code maxVms} (all when <= 0). */
    public List<TraceSeries> read(Path dataDir, int maxVms) {
        Path root = dataDir.resolve(directory);
        List<TraceSeries> all = switch (this) {
            case PLANETLAB -> {
                PlanetLabTraceReader reader = new PlanetLabTraceReader();
                List<TraceSeries> out = new ArrayList<>();
                for (Path day : reader.days(root)) {
                    out.addAll(reader.readDay(day));
                }
                yield out;
            }
            case GOOGLE -> new GoogleClusterTraceReader().readJoinedByJob(root);
            case BITBRAINS -> new BitbrainsTraceReader().readAll(root.resolve("2013-7"));
        };
        return maxVms > 0 && all.size() > maxVms ? spread(all, maxVms) : all;
    }

    /** Every k-th VM, so a subset still covers all days of PlanetLab rather than the first one only. */
    private static List<TraceSeries> spread(List<TraceSeries> all, int count) {
        List<TraceSeries> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(all.get((int) ((long) i * all.size() / count)));
        }
        return out;
    }
}
