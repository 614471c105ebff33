package dev.ballast.predictors.evaluation;

import dev.ballast.collectors.trace.TraceDataDirectory;
import dev.ballast.collectors.trace.TraceSeries;
import dev.ballast.predictors.forecast.Estimator;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The predictors' commands:
 * <pre>
 *   evaluate  [--data DIR] [--out DIR] [--plots DIR] [--max-vms N] [--sets planetlab,google,bitbrains] [--horizon 1]
 *   benchmark [--vms 10000] [--window 288] [--rounds 15]
 * </pre>
 * {@code evaluate} prints the accuracy table of every estimator on the public traces, writes it as CSV and draws
 * PNG plots; {@code benchmark} times forecasting a cluster's worth of VMs per control step.
 */
public final class PredictorsCommand {
    private static final int WARMUP_INTERVALS = 12;

    private PredictorsCommand() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: evaluate [--data DIR] [--out DIR] [--plots DIR] [--max-vms N] [--sets planetlab,google,bitbrains] [--horizon 1]");
            System.err.println("       benchmark [--vms 10000] [--window 288] [--rounds 15]");
            System.exit(2);
        }
    }

    static void run(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command given");
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "evaluate" -> evaluate(options);
            case "benchmark" -> ForecastSpeedBenchmark.run(
                    intOption(options, "vms", 10_000), intOption(options, "window", 288), intOption(options, "rounds", 15));
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "', expected evaluate or benchmark");
        }
    }

    private static void evaluate(Map<String, String> options) {
        Path data = options.containsKey("data") ? Path.of(options.get("data"))
                : TraceDataDirectory.configured().orElseThrow(() -> new IllegalArgumentException(
                "no trace directory: pass --data DIR or set -D" + TraceDataDirectory.PROPERTY + " / " + TraceDataDirectory.ENVIRONMENT));
        Path out = Path.of(options.getOrDefault("out", "target/forecast-evaluation"));
        Path plots = Path.of(options.getOrDefault("plots", out.resolve("plots").toString()));
        int maxVms = intOption(options, "max-vms", 0);
        List<TraceSet> sets = options.containsKey("sets")
                ? Arrays.stream(options.get("sets").split(",")).map(TraceSet::parse).toList()
                : List.of(TraceSet.values());

        int horizon = intOption(options, "horizon", 1);
        List<Estimator> estimators = EvaluatedEstimators.all();
        ForecastEvaluation evaluation = new ForecastEvaluation(estimators, WARMUP_INTERVALS, horizon);
        System.out.printf(Locale.ROOT, "forecasts scored %d interval(s) ahead, after %d intervals of warm-up%n", horizon, WARMUP_INTERVALS);
        List<EvaluationRow> rows = new ArrayList<>();
        Map<String, List<EvaluationRow>> byEstimator = new LinkedHashMap<>();
        for (TraceSet set : sets) {
            if (!set.presentUnder(data)) {
                System.out.println("skipping " + set.label() + ": " + data.resolve(set.directory()) + " does not exist");
                continue;
            }
            long started = System.nanoTime();
            List<TraceSeries> vms = set.read(data, maxVms);
            System.out.printf(Locale.ROOT, "%s: %d VMs, %d intervals, read in %.1f s%n", set.label(), vms.size(),
                    vms.stream().mapToLong(TraceSeries::length).sum(), (System.nanoTime() - started) / 1e9);
            for (String resource : List.of("cpu", "memory")) {
                List<double[]> series = vms.stream().filter(v -> resource.equals("cpu") || v.hasMemory())
                        .map(v -> resource.equals("cpu") ? v.cpu() : v.memory()).toList();
                if (series.isEmpty()) {
                    continue;
                }
                started = System.nanoTime();
                Map<Estimator, AccuracyMetrics> metrics = evaluation.evaluate(series);
                System.out.printf(Locale.ROOT, "  %s evaluated in %.1f s%n", resource, (System.nanoTime() - started) / 1e9);
                metrics.forEach((estimator, m) -> {
                    EvaluationRow row = new EvaluationRow(set.label(), resource, series.size(), estimator.name(), m);
                    rows.add(row);
                    byEstimator.computeIfAbsent(estimator.name(), k -> new ArrayList<>()).add(row);
                });
            }
            if (horizon == 1) {
                plotTypicalVm(plots, set, vms, evaluation);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no trace set found under " + data);
        }
        EvaluationReport report = new EvaluationReport(rows);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println(report.rankingMarkdown());
        String suffix = horizon == 1 ? "" : "-h" + horizon;
        Path csv = out.resolve("forecast-accuracy" + suffix + ".csv");
        report.writeCsv(csv);
        EvaluationPlots.tradeOff(plots.resolve("tradeoff" + suffix + ".png"), byEstimator);
        System.out.println("CSV: " + csv.toAbsolutePath());
        System.out.println("plots: " + plots.toAbsolutePath());
    }

    /**
     * Plots the last day of one lively but not extreme VM (the 90th percentile of CPU standard deviation among the
     * longest series of the set), its actual CPU against a few estimators.
     */
    private static void plotTypicalVm(Path plots, TraceSet set, List<TraceSeries> vms, ForecastEvaluation evaluation) {
        int longest = vms.stream().mapToInt(TraceSeries::length).max().orElse(0);
        List<TraceSeries> candidates = vms.stream().filter(v -> v.length() == longest)
                .sorted(Comparator.comparingDouble(v -> new StandardDeviation().evaluate(v.cpu()))).toList();
        if (candidates.isEmpty() || longest <= WARMUP_INTERVALS) {
            return;
        }
        TraceSeries vm = candidates.get((int) (0.9 * (candidates.size() - 1)));
        List<String> shown = List.of("last", "fusd(-0.2/0.7)", "holt-winters(0.5,0.01,0.1)", "loess(10)x1.2", "p95(12)",
                EvaluatedEstimators.selector().name());
        List<Estimator> estimators = evaluation.estimators();
        double[][] all = evaluation.forecasts(vm.cpu());
        List<Estimator> picked = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int e = 0; e < estimators.size(); e++) {
            if (shown.contains(estimators.get(e).name())) {
                picked.add(estimators.get(e));
                rows.add(all[e]);
            }
        }
        int day = 288;
        int from = Math.max(WARMUP_INTERVALS, vm.length() - day);
        String title = set.label() + " VM " + vm.name() + ": CPU, last day of " + vm.length() / day + " (one step ahead)";
        EvaluationPlots.actualAgainstForecasts(plots.resolve("forecast-" + set.label() + ".png"), title, vm.cpu(),
                rows.toArray(double[][]::new), picked, from, day);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected '--name value', got '" + args[i] + "'");
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, was '" + value + "'");
        }
    }
}
