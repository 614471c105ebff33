package dev.ballast.scheduler.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Tables (text and CSV) of the runs: one per trace-day and the median over the days. */
final class BenchmarkReport {
    private static final String HEADER = "day,policy,energy_kwh,migrations,slatah,pdm,slav,esv,mean_hosts_on,"
            + "vms_migrated,max_migrations_per_vm,mean_migrations_per_vm,ping_pong,replanned_in_round,finished_vms,wall_seconds,"
            + "refused_for_memory,not_started,migrating_seconds,downtime_seconds,peak_memory_use";

    private BenchmarkReport() {
    }

    static String table(String title, List<RunResult> runs, boolean withReference) {
        return table(title, runs, withReference, false);
    }

    /** With {@code memory}, a second block gives what the realistic model adds (refusals, migration time, memory peak). */
    static String table(String title, List<RunResult> runs, boolean withReference, boolean memory) {
        StringBuilder b = new StringBuilder();
        b.append(title).append('\n');
        b.append(String.format(Locale.ROOT, "%-12s %10s %10s %8s %8s %10s %11s %8s %8s %7s %9s %8s%s%n",
                "policy", "energy kWh", "migrations", "SLATAH%", "PDM%", "SLAV%", "ESV", "hostsOn", "VMsMoved",
                "max/VM", "pingPong", "wall s", withReference ? "   CloudSim 3.0.3 (energy / migrations / SLAV%)" : ""));
        for (RunResult r : runs) {
            String ref = "";
            if (withReference) {
                ref = CloudSimReference.of(r.policy(), r.day()).map(f -> String.format(Locale.ROOT,
                        "   %.2f / %,d / %.5f  (energy %+.1f %%, migrations %+.1f %%)", f.energyKwh(), f.migrations(),
                        f.slavPercent(), 100 * (r.energyKwh() / f.energyKwh() - 1),
                        f.migrations() == 0 ? 0 : 100 * ((double) r.migrations() / f.migrations() - 1))).orElse("");
            }
            b.append(String.format(Locale.ROOT, "%-12s %10.2f %10d %8.3f %8.4f %10.5f %11.3e %8.1f %8d %7d %9d %8.1f%s%n",
                    r.policy(), r.energyKwh(), r.migrations(), 100 * r.slatah(), 100 * r.pdm(), 100 * r.slav(), r.esv(),
                    r.meanActiveHosts(), r.vmsMigrated(), r.maxMigrationsPerVm(), r.pingPong(), r.wallSeconds(), ref));
        }
        if (memory) {
            b.append(String.format(Locale.ROOT, "%-12s %10s %10s %12s %12s %12s%n", "policy", "refusedMem", "notStarted",
                    "migrating h", "downtime s", "peakMem%"));
            for (RunResult r : runs) {
                MemoryFigures m = r.memory();
                b.append(String.format(Locale.ROOT, "%-12s %10d %10d %12.2f %12.1f %12.1f%n", r.policy(), m.refusedForMemory(),
                        m.notStarted(), m.migratingSeconds() / 3600, m.downtimeSeconds(), 100 * m.peakMemoryUse()));
            }
        }
        return b.toString();
    }

    static void writeCsv(Path file, List<RunResult> runs) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (RunResult r : runs) {
            MemoryFigures m = r.memory();
            lines.add(String.format(Locale.ROOT, "%s,%s,%.4f,%d,%.6f,%.8f,%.10f,%.10e,%.2f,%d,%d,%.3f,%d,%d,%d,%.2f,%d,%d,%.1f,%.2f,%.4f",
                    r.day(), r.policy(), r.energyKwh(), r.migrations(), r.slatah(), r.pdm(), r.slav(), r.esv(),
                    r.meanActiveHosts(), r.vmsMigrated(), r.maxMigrationsPerVm(), r.meanMigrationsPerVm(), r.pingPong(),
                    r.replannedInRound(), r.finishedVms(), r.wallSeconds(), m.refusedForMemory(), m.notStarted(),
                    m.migratingSeconds(), m.downtimeSeconds(), m.peakMemoryUse()));
        }
        write(file, lines);
    }

    /** Powered-on hosts at each decision, one column per policy. */
    static void writeActiveHosts(Path file, List<RunResult> runs) {
        List<String> lines = new ArrayList<>();
        lines.add("decision,seconds," + String.join(",", runs.stream().map(RunResult::policy).toList()));
        int n = runs.stream().mapToInt(r -> r.activeHosts().length).max().orElse(0);
        for (int k = 0; k < n; k++) {
            StringBuilder line = new StringBuilder().append(k).append(',').append((k + 1) * (long) SimulatedWorld.INTERVAL);
            for (RunResult r : runs) {
                line.append(',').append(k < r.activeHosts().length ? Integer.toString(r.activeHosts()[k]) : "");
            }
            lines.add(line.toString());
        }
        write(file, lines);
    }

    /** Per policy, the median over the days of each figure (SLAV and ESV too, not products of medians). */
    static List<String[]> medianRows(List<RunResult> runs) {
        Map<String, List<RunResult>> byPolicy = new LinkedHashMap<>();
        for (RunResult r : runs) {
            byPolicy.computeIfAbsent(r.policy(), p -> new ArrayList<>()).add(r);
        }
        List<String[]> rows = new ArrayList<>();
        byPolicy.forEach((policy, list) -> rows.add(new String[] {policy, Integer.toString(list.size()),
                fmt("%.2f", median(list, RunResult::energyKwh)), fmt("%.0f", median(list, RunResult::migrations)),
                fmt("%.3f", 100 * median(list, RunResult::slatah)), fmt("%.4f", 100 * median(list, RunResult::pdm)),
                fmt("%.5f", 100 * median(list, RunResult::slav)), fmt("%.3e", median(list, RunResult::esv)),
                fmt("%.1f", median(list, RunResult::meanActiveHosts)), fmt("%.0f", median(list, RunResult::vmsMigrated)),
                fmt("%.0f", median(list, RunResult::maxMigrationsPerVm)), fmt("%.0f", median(list, RunResult::pingPong)),
                fmt("%.0f", median(list, r -> r.memory().refusedForMemory())),
                fmt("%.2f", median(list, r -> r.memory().migratingSeconds() / 3600))}));
        return rows;
    }

    static String medianTable(List<RunResult> runs) {
        StringBuilder b = new StringBuilder("Median over the days\n");
        b.append(String.format(Locale.ROOT, "%-12s %4s %10s %10s %8s %8s %10s %11s %8s %8s %7s %9s %10s %11s%n", "policy", "days",
                "energy kWh", "migrations", "SLATAH%", "PDM%", "SLAV%", "ESV", "hostsOn", "VMsMoved", "max/VM", "pingPong",
                "refusedMem", "migrating h"));
        for (String[] r : medianRows(runs)) {
            b.append(String.format(Locale.ROOT, "%-12s %4s %10s %10s %8s %8s %10s %11s %8s %8s %7s %9s %10s %11s%n", (Object[]) r));
        }
        return b.toString();
    }

    static void writeMedianCsv(Path file, List<RunResult> runs) {
        List<String> lines = new ArrayList<>();
        lines.add("policy,days,energy_kwh,migrations,slatah_percent,pdm_percent,slav_percent,esv,mean_hosts_on,vms_migrated,"
                + "max_migrations_per_vm,ping_pong,refused_for_memory,migrating_hours");
        for (String[] r : medianRows(runs)) {
            lines.add(String.join(",", r));
        }
        write(file, lines);
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        double[] v = runs.stream().mapToDouble(figure).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
