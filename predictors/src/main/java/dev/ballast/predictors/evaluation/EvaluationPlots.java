package dev.ballast.predictors.evaluation;

import dev.ballast.predictors.forecast.Estimator;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** PNG plots of the evaluation (XChart): one VM's actual demand against the forecasts, and the error trade-off. */
final class EvaluationPlots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Distinct colours (Tableau 10): XChart's default palette repeats within seven series. */
    private static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
            new Color(0x393b79), new Color(0x637939)};

    private EvaluationPlots() {
    }

    /** Actual vs each forecast over {@code [from, from + length)} of one series. */
    static void actualAgainstForecasts(Path file, String title, double[] series, double[][] forecasts, List<Estimator> estimators,
                                       int from, int length) {
        int to = Math.min(series.length, from + length);
        double[] x = new double[to - from];
        double[] actual = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (from + i) * 5 / 60.0;
            actual[i] = 100 * series[from + i];
        }
        XYChart chart = new XYChartBuilder().width(1200).height(600).title(title)
                .xAxisTitle("hours since the start of the trace").yAxisTitle("utilization of the VM's allocation (%)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        XYSeries a = chart.addSeries("actual", x, actual);
        a.setMarker(SeriesMarkers.NONE);
        a.setLineWidth(2.5f);
        a.setLineColor(Color.BLACK);
        for (int e = 0; e < estimators.size(); e++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = 100 * forecasts[e][from + i];
            }
            XYSeries s = chart.addSeries(estimators.get(e).name(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(1f);
            s.setLineColor(PALETTE[e % PALETTE.length]);
        }
        save(chart, file);
    }

    /** Under-prediction rate against mean over-provisioning: one colour per estimator, one point per trace set and resource. */
    static void tradeOff(Path file, Map<String, List<EvaluationRow>> rowsByEstimator) {
        XYChart chart = new XYChartBuilder().width(1100).height(800)
                .title("SLA risk against wasted capacity (one point per trace set and resource)")
                .xAxisTitle("under-prediction rate (%)").yAxisTitle("mean over-provisioning (% of the VM)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        int k = 0;
        for (Map.Entry<String, List<EvaluationRow>> entry : rowsByEstimator.entrySet()) {
            double[] x = entry.getValue().stream().mapToDouble(r -> 100 * r.metrics().underPredictionRate()).toArray();
            double[] y = entry.getValue().stream().mapToDouble(r -> 100 * r.metrics().meanOverProvisioning()).toArray();
            XYSeries s = chart.addSeries(entry.getKey(), x, y);
            s.setMarkerColor(PALETTE[k++ % PALETTE.length]);
        }
        save(chart, file);
    }

    private static void save(XYChart chart, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file, e);
        }
    }
}
