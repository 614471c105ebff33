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

/**
 * Replays PlanetLab days through each policy in the CloudSim-compatible world and prints the consolidation
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
                "Energy against SLAV, PlanetLab, one point per policy and day", all);
        System.out.println("written to " + options.out());
        return all;
    }

    /** Runs every day and policy of the options; prints each day's table when {@code print}. */
    static List<RunResult> run(BenchmarkOptions options, boolean print) {
        PlanetLabDays planetLab = new PlanetLabDays(options.dataDir());
        List<String> days = options.days().isEmpty() ? planetLab.all() : options.days();
        double limit = options.hours() * 3600;
        List<RunResult> all = new ArrayList<>();
        for (String day : days) {
            List<TraceSeries> traces = planetLab.read(day);
            List<RunResult> runs = new ArrayList<>();
            for (PolicyName policy : options.policies()) {
                RunResult result;
                if (policy == PolicyName.BOUND) {
                    result = ClairvoyantBound.of(traces, day, limit);
                } else {
                    CloudSimWorld world = new CloudSimWorld(traces, 800, limit, options.cooldown().toSeconds());
                    int decisions = (int) Math.floor((limit - 0.1) / CloudSimWorld.INTERVAL) - 1 + 1;
                    if (print) {
                        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(day + " " + policy.cli())
                                .setInitialMax(decisions).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                            result = world.run(policy.factory(options.solveTime()), day, k -> bar.step());
                        }
                    } else {
                        result = world.run(policy.factory(options.solveTime()), day, k -> { });
                    }
                }
                runs.add(result);
            }
            all.addAll(runs);
            if (print) {
                String table = BenchmarkReport.table(String.format("PlanetLab %s, %d VMs, 800 hosts, %.0f h, CloudSim-compatible model (%s)",
                        day, traces.size(), options.hours(), Instant.now()), runs, options.hours() == 24);
                System.out.println(table);
                BenchmarkReport.write(options.out().resolve("table-" + day + ".txt"), List.of(table));
                BenchmarkReport.writeActiveHosts(options.out().resolve("hosts-on-" + day + ".csv"), runs);
                BenchmarkPlots.activeHosts(options.out().resolve("hosts-on-" + day + ".png"), day, runs);
            }
        }
        return all;
    }
}
