package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.TraceSeries;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays trace days (PlanetLab, Google, Bitbrains) through each policy in a simulated world (the CloudSim-compatible
 * model or the realistic one) and prints the consolidation
 * figures (docs/benchmarks.md): a table per day, the median over the days, CSV files and PNG plots.
 */
public final class BenchmarkCommand {
    private BenchmarkCommand() {
    }

    public static void main(String[] args) {
        quietLogging();
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args, Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        execute(options);
    }

    /**
     * The solver logs a warning per solve (hundreds per day) that would bury the tables: unless the caller chose a
     * logback configuration, log errors only.
     */
    private static void quietLogging() {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        try {
            Path config = Files.createTempFile("ballast-benchmark-logback", ".xml");
            config.toFile().deleteOnExit();
            Files.writeString(config, """
                    <configuration>
                      <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender">
                        <target>System.err</target>
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="ERROR"><appender-ref ref="ERR"/></root>
                    </configuration>
                    """);
            System.setProperty("logback.configurationFile", config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark's logging configuration", e);
        }
    }

    /** Runs the options' days and policies, prints the tables and writes the files; returns every run. */
    static List<RunResult> execute(BenchmarkOptions options) {
        List<RunResult> all = run(options, true);
        if (all.stream().map(RunResult::day).distinct().count() > 1) {
            String median = BenchmarkReport.medianTable(all);
            System.out.println(median);
            BenchmarkReport.writeMedianCsv(options.out().resolve("median.csv"), all);
            BenchmarkReport.write(options.out().resolve("median.txt"), List.of(median));
        }
        BenchmarkReport.writeCsv(options.out().resolve("results.csv"), all);
        BenchmarkPlots.energyAgainstSlav(options.out().resolve("energy-vs-slav.png"),
                "Energy against SLAV, " + options.trace().cli() + ", " + options.model().name() + " model, one point per policy and day", all);
        System.out.println("written to " + options.out());
        return all;
    }

    /** Runs every day and policy of the options; prints each day's table when {@code print}. */
    static List<RunResult> run(BenchmarkOptions options, boolean print) {
        BenchmarkTrace.Days source = options.trace().open(options.dataDir(), options.maxVms());
        List<String> days = options.days().isEmpty() ? source.all() : options.days();
        double limit = options.hours() * 3600;
        WorldModel model = options.model();
        List<RunResult> all = new ArrayList<>();
        for (String day : days) {
            List<TraceSeries> traces = source.read(day);
            String label = options.trace().label(day);
            List<RunResult> runs = new ArrayList<>();
            for (PolicyName policy : options.policies()) {
                RunResult result;
                if (policy == PolicyName.BOUND) {
                    result = ClairvoyantBound.of(traces, label, limit,
                            model.enforceMemory() ? (model.hostMemoryMb() > 0 ? model.hostMemoryMb() : HostType.G5.ramMb()) : 0);
                } else {
                    SimulatedWorld world = new SimulatedWorld(traces, options.hosts(), limit, options.cooldown().toSeconds(), model);
                    int decisions = (int) Math.floor((limit - 0.1) / SimulatedWorld.INTERVAL);
                    if (print) {
                        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(label + " " + policy.cli())
                                .setInitialMax(decisions).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                            result = world.run(policy.factory(options.solve()), label, k -> bar.step());
                        }
                    } else {
                        result = world.run(policy.factory(options.solve()), label, k -> { });
                    }
                }
                runs.add(result);
            }
            all.addAll(runs);
            if (print) {
                String title = String.format(Locale.ROOT, "%s %s, %d VMs, %d hosts, %.0f h, %s model (%s)",
                        options.trace().cli(), label, traces.size(), options.hosts(), options.hours(), model.name(), Instant.now());
                boolean reference = options.hours() == 24 && options.trace() == BenchmarkTrace.PLANETLAB && !model.enforceMemory();
                String table = BenchmarkReport.table(title, runs, reference, model.enforceMemory());
                System.out.println(table);
                BenchmarkReport.write(options.out().resolve("table-" + label + ".txt"), List.of(table));
                BenchmarkReport.writeActiveHosts(options.out().resolve("hosts-on-" + label + ".csv"), runs);
                BenchmarkPlots.activeHosts(options.out().resolve("hosts-on-" + label + ".png"),
                        options.trace().cli() + " " + label + " (" + model.name() + " model)", runs);
            }
        }
        return all;
    }
}
