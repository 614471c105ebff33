package dev.ballast.scheduler.benchmark;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PNG plots of the benchmark: powered-on hosts over the day, and energy against SLAV. */
final class BenchmarkPlots {
    private BenchmarkPlots() {
    }

    static void activeHosts(Path file, String what, List<RunResult> runs) {
        XYChart chart = new XYChartBuilder().width(1200).height(600)
                .title("Powered-on hosts, " + what)
                .xAxisTitle("hours").yAxisTitle("hosts drawing power").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        for (RunResult r : runs) {
            int[] a = r.activeHosts();
            double[] x = new double[a.length];
            double[] y = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                x[k] = (k + 1) * SimulatedWorld.INTERVAL / 3600.0;
                y[k] = a[k];
            }
            XYSeries s = chart.addSeries(r.policy(), x, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        save(chart, file);
    }

    /** One point per policy and day: energy against SLAV (the bound has no SLAV and is left out). */
    static void energyAgainstSlav(Path file, String title, List<RunResult> runs) {
        XYChart chart = new XYChartBuilder().width(1000).height(700).title(title)
                .xAxisTitle("SLAV (%)").yAxisTitle("energy (kWh)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(10);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        Map<String, List<RunResult>> byPolicy = new LinkedHashMap<>();
        for (RunResult r : runs) {
            if (!r.policy().equals("Bound")) {
                byPolicy.computeIfAbsent(r.policy(), p -> new java.util.ArrayList<>()).add(r);
            }
        }
        byPolicy.forEach((policy, list) -> chart.addSeries(policy,
                list.stream().mapToDouble(r -> 100 * r.slav()).toArray(),
                list.stream().mapToDouble(RunResult::energyKwh).toArray()));
        if (!byPolicy.isEmpty()) {
            save(chart, file);
        }
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
