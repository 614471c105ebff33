package dev.ballast.predictors.evaluation;

import dev.ballast.collectors.trace.TraceDataDirectory;
import dev.ballast.collectors.trace.TraceSeries;
import dev.ballast.predictors.forecast.Estimator;
import dev.ballast.predictors.forecast.LastValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ForecastEvaluationTest {

    @Test
    void lastValueWorkedExample() {
        // series 0.1, 0.2, 0.4, 0.4; last value forecasts t=1..3 as 0.1, 0.2, 0.4 (warm-up 1)
        // errors (forecast - actual): -0.1, -0.2, 0
        //   MAE = 0.3/3 = 0.1; RMSE = sqrt((0.01 + 0.04)/3) = 0.129099; under-prediction 2/3; over-provisioning 0
        //   SLA cost = 3*(0.1 + 0.2)/3 = 0.3
        //   peaks: 95th percentile of the series is 0.4 (above the mean 0.275): t=2 and t=3; only t=3 reached -> 0.5
        AccuracyMetrics m = new ForecastEvaluation(List.of(new LastValue()), 1).evaluate(List.of(new double[] {0.1, 0.2, 0.4, 0.4}))
                .get(new LastValue());
        assertThat(m.intervals()).isEqualTo(3);
        assertThat(m.mae()).isCloseTo(0.1, within(1e-12));
        assertThat(m.rmse()).isCloseTo(0.129099, within(1e-6));
        assertThat(m.underPredictionRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.meanOverProvisioning()).isZero();
        assertThat(m.slaCost()).isCloseTo(0.3, within(1e-12));
        assertThat(m.peakCapture()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void horizonScoresTheForecastMadeEarlier() {
        // horizon 2, warm-up 1: t=2 is forecast from [0.1] -> 0.1 (actual 0.4); t=3 from [0.1, 0.2] -> 0.2 (actual 0.4)
        // MAE = (0.3 + 0.2)/2 = 0.25
        AccuracyMetrics m = new ForecastEvaluation(List.of(new LastValue()), 1, 2).evaluate(List.of(new double[] {0.1, 0.2, 0.4, 0.4}))
                .get(new LastValue());
        assertThat(m.intervals()).isEqualTo(2);
        assertThat(m.mae()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void forecastsAboveTheAllocationAreCapped() {
        // overshooting estimator: forecasts twice the last value; capped at 1
        Estimator doubling = new Estimator() {
            @Override public String name() { return "x2"; }
            @Override public int lookback() { return 1; }
            @Override public double next(double[] history) { return 2 * history[history.length - 1]; }
        };
        double[][] f = new ForecastEvaluation(List.of(doubling), 1).forecasts(new double[] {0.3, 0.8, 0.9});
        assertThat(f[0][1]).isCloseTo(0.6, within(1e-12));
        assertThat(f[0][2]).isEqualTo(1.0);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new ForecastEvaluation(List.of(), 1)).hasMessageContaining("no estimator");
        assertThatThrownBy(() -> new ForecastEvaluation(List.of(new LastValue()), 0)).hasMessageContaining("warmup");
        assertThatThrownBy(() -> new ForecastEvaluation(List.of(new LastValue()), 1, 0)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> TraceSet.parse("azure")).hasMessageContaining("'azure'");
    }

    @Test
    void smallRealEvaluation() {
        var data = TraceDataDirectory.configured();
        Assumptions.assumeTrue(data.isPresent() && TraceSet.GOOGLE.presentUnder(data.get()),
                () -> "trace data not found: set -D" + TraceDataDirectory.PROPERTY + " to the directory holding gcd/");
        Path dir = data.orElseThrow();
        List<TraceSeries> vms = TraceSet.GOOGLE.read(dir, 4);
        List<Estimator> estimators = EvaluatedEstimators.all();
        Map<Estimator, AccuracyMetrics> metrics = new ForecastEvaluation(estimators, 12).evaluate(vms.stream().map(TraceSeries::cpu).toList());
        assertThat(metrics).hasSize(estimators.size());
        long expected = vms.stream().mapToLong(v -> v.length() - 12).sum();
        assertThat(metrics.values()).allSatisfy(m -> {
            assertThat(m.intervals()).isEqualTo(expected);
            assertThat(m.mae()).isBetween(0.0, 1.0);
            assertThat(m.rmse()).isGreaterThanOrEqualTo(m.mae());
        });
        // a high percentile of the last hour under-predicts less often than the last value
        AccuracyMetrics last = metrics.get(new LastValue());
        AccuracyMetrics p95 = metrics.get(new dev.ballast.predictors.forecast.WindowPercentile(12, 95));
        assertThat(p95.underPredictionRate()).isLessThan(last.underPredictionRate());
        EvaluationReport report = new EvaluationReport(metrics.entrySet().stream()
                .map(e -> new EvaluationRow("google", "cpu", vms.size(), e.getKey().name(), e.getValue())).toList());
        assertThat(report.markdown()).contains("| google | cpu | 4 | last |");
        assertThat(report.csv().lines()).hasSize(estimators.size() + 1);
        assertThat(report.rankingBySlaCost()).hasSize(estimators.size());
    }
}
