package dev.ballast.collectors.trace;

import dev.ballast.collectors.cluster.Resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Bitbrains GWA-T-12 VM traces ({@code <vmId>.csv.gz}): a header, then rows separated by {@code ;} and a tab:
 * timestamp, CPU cores, CPU capacity MHz, CPU usage MHz, CPU usage %, memory provisioned KB, memory usage KB, ...
 *
 * <p>What the reader does with the raw rows, and why:
 * <ul>
 *   <li>the timestamp is epoch seconds despite the header's "[ms]"; a value that can only be milliseconds
 *       (above 10^11) is divided by 1000;</li>
 *   <li>rows reporting 0 cores are skipped: the VM was not provisioned then and the row carries no usage;
 *       a VM whose newest row (latest timestamp, the later one on a tie) reports 0 cores is dropped (the 12
 *       unusable VMs of the set);</li>
 *   <li>rows come irregularly (about 300 s, with duplicates, reorderings and gaps): they are averaged into
 *       buckets of a 300 s grid aligned on multiples of 300 s since the epoch, and empty buckets between two
 *       filled ones are linearly interpolated;</li>
 *   <li>CPU above 100 % is clamped to 100 %; memory is usage ÷ provisioned, clamped to [0, 1], and missing in
 *       rows whose provisioned memory is 0.</li>
 * </ul>
 */
public final class BitbrainsTraceReader {
    public static final Duration STEP = Duration.ofSeconds(300);
    private static final long STEP_SECONDS = STEP.toSeconds();

    /** Every usable VM of a folder ({@code *.csv.gz}), in numeric order of the VM id. */
    public List<TraceSeries> readAll(Path dir) {
        List<Path> files = new ArrayList<>(TraceFiles.list(dir, n -> n.endsWith(".csv.gz")));
        files.sort((a, b) -> compareIds(idOf(a), idOf(b)));
        List<TraceSeries> out = new ArrayList<>();
        for (Path f : files) {
            read(f).ifPresent(out::add);
        }
        return out;
    }

    /** The VM's series on the 300 s grid, or empty when the VM is unusable (its newest row reports 0 cores). */
    public Optional<TraceSeries> read(Path file) {
        List<Row> rows = new ArrayList<>();
        Row last = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            String line = in.readLine();
            if (line == null) {
                throw new IllegalArgumentException("Bitbrains trace is empty: " + file);
            }
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Row row = parse(line, file, lineNumber);
                if (last == null || row.epochSecond >= last.epochSecond) {
                    last = row;
                }
                if (row.cores > 0) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Bitbrains trace " + file, e);
        }
        if (last == null || last.cores <= 0 || rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(resample(idOf(file), rows));
    }

    private static TraceSeries resample(String name, List<Row> rows) {
        long first = Long.MAX_VALUE;
        long lastTs = Long.MIN_VALUE;
        for (Row r : rows) {
            first = Math.min(first, r.epochSecond);
            lastTs = Math.max(lastTs, r.epochSecond);
        }
        long gridStart = Math.floorDiv(first, STEP_SECONDS) * STEP_SECONDS;
        int n = (int) ((lastTs - gridStart) / STEP_SECONDS) + 1;
        double[] cpuSum = new double[n];
        int[] cpuCount = new int[n];
        double[] memSum = new double[n];
        int[] memCount = new int[n];
        for (Row r : rows) {
            int k = (int) ((r.epochSecond - gridStart) / STEP_SECONDS);
            cpuSum[k] += r.cpu;
            cpuCount[k]++;
            if (!Double.isNaN(r.memory)) {
                memSum[k] += r.memory;
                memCount[k]++;
            }
        }
        double[] cpu = fill(cpuSum, cpuCount);
        double[] memory = fill(memSum, memCount);
        Row newest = rows.stream().max((a, b) -> Long.compare(a.epochSecond, b.epochSecond)).orElseThrow();
        Resources size = new Resources(newest.cores, newest.memoryProvisionedKb / 1024.0);
        return new TraceSeries(name, Instant.ofEpochSecond(gridStart), STEP, cpu, memory, size);
    }

    /** Bucket means, empty buckets interpolated between filled neighbours (edges copy the nearest); null if none filled. */
    private static double[] fill(double[] sum, int[] count) {
        int n = sum.length;
        double[] out = new double[n];
        int previous = -1;
        for (int k = 0; k < n; k++) {
            if (count[k] == 0) {
                continue;
            }
            out[k] = sum[k] / count[k];
            if (previous < 0) {
                for (int j = 0; j < k; j++) {
                    out[j] = out[k];
                }
            } else {
                for (int j = previous + 1; j < k; j++) {
                    out[j] = out[previous] + (out[k] - out[previous]) * (j - previous) / (k - previous);
                }
            }
            previous = k;
        }
        if (previous < 0) {
            return null;
        }
        for (int j = previous + 1; j < n; j++) {
            out[j] = out[previous];
        }
        return out;
    }

    private static Row parse(String line, Path file, int lineNumber) {
        String[] f = line.split(";", -1);
        if (f.length < 7) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": expected at least 7 ';'-separated fields, found "
                    + f.length + " in '" + line + "'");
        }
        double ts = TraceFiles.parse(f[0], file, lineNumber, "timestamp");
        long epochSecond = (long) (ts > 1e11 ? ts / 1000 : ts);
        double cores = TraceFiles.parse(f[1], file, lineNumber, "CPU cores");
        double cpu = TraceFiles.percentToFraction(TraceFiles.parse(f[4], file, lineNumber, "CPU usage %"), file, lineNumber, "CPU usage %");
        double memProvisioned = TraceFiles.parse(f[5], file, lineNumber, "memory provisioned KB");
        double memUsed = TraceFiles.parse(f[6], file, lineNumber, "memory usage KB");
        if (memUsed < 0 || memProvisioned < 0) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": memory must be >= 0, was usage=" + memUsed
                    + " provisioned=" + memProvisioned);
        }
        double memory = memProvisioned > 0 ? Math.min(1.0, memUsed / memProvisioned) : Double.NaN;
        return new Row(epochSecond, cores, cpu, memory, memProvisioned);
    }

    private static String idOf(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".csv.gz") ? n.substring(0, n.length() - ".csv.gz".length()) : n;
    }

    private static int compareIds(String a, String b) {
        boolean numeric = a.matches("\\d+") && b.matches("\\d+");
        return numeric ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }

    private record Row(long epochSecond, double cores, double cpu, double memory, double memoryProvisionedKb) {
    }
}
