package dev.ballast.predictors.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The accuracy table as Markdown (for the terminal and docs/) and CSV, and the ranking the default is chosen by. */
public final class EvaluationReport {
    private final List<EvaluationRow> rows;

    public EvaluationReport(List<EvaluationRow> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<EvaluationRow> rows() {
        return rows;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| trace set | resource | VMs | estimator | forecasts | MAE % | RMSE % | under-prediction % | over-provisioning % | peak capture % | SLA cost % |\n");
        out.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (EvaluationRow r : rows) {
            AccuracyMetrics m = r.metrics();
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %.2f | %.2f | %.1f | %.2f | %.1f | %.2f |%n",
                    r.traceSet(), r.resource(), r.vms(), r.estimator(), m.intervals(), 100 * m.mae(), 100 * m.rmse(),
                    100 * m.underPredictionRate(), 100 * m.meanOverProvisioning(), 100 * m.peakCapture(), 100 * m.slaCost()));
        }
        return out.toString();
    }

    public String csv() {
        StringBuilder out = new StringBuilder("trace_set,resource,vms,estimator,forecasts,mae,rmse,under_prediction_rate,mean_over_provisioning,peak_capture,sla_cost\n");
        for (EvaluationRow r : rows) {
            AccuracyMetrics m = r.metrics();
            out.append(String.format(Locale.ROOT, "%s,%s,%d,\"%s\",%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f%n",
                    r.traceSet(), r.resource(), r.vms(), r.estimator(), m.intervals(), m.mae(), m.rmse(),
                    m.underPredictionRate(), m.meanOverProvisioning(), m.peakCapture(), m.slaCost()));
        }
        return out.toString();
    }

    /**
     * Estimators by their SLA cost averaged over the (trace set, resource) groups, each group weighing the same
     * whatever its number of VMs; lowest first.
     */
    public List<Map.Entry<String, Double>> rankingBySlaCost() {
        Map<String, List<Double>> byEstimator = new LinkedHashMap<>();
        for (EvaluationRow r : rows) {
            byEstimator.computeIfAbsent(r.estimator(), k -> new ArrayList<>()).add(r.metrics().slaCost());
        }
        List<Map.Entry<String, Double>> ranking = new ArrayList<>();
        byEstimator.forEach((name, costs) -> ranking.add(Map.entry(name, costs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))));
        ranking.sort(Comparator.comparingDouble(Map.Entry::getValue));
        return ranking;
    }

    public String rankingMarkdown() {
        StringBuilder out = new StringBuilder("| rank | estimator | mean SLA cost % over the groups |\n|---:|---|---:|\n");
        int rank = 1;
        for (Map.Entry<String, Double> e : rankingBySlaCost()) {
            out.append(String.format(Locale.ROOT, "| %d | %s | %.3f |%n", rank++, e.getKey(), 100 * e.getValue()));
        }
        return out.toString();
    }

    public void writeCsv(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, csv());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
