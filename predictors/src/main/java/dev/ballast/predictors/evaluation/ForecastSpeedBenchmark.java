package dev.ballast.predictors.evaluation;

import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.predictors.forecast.DefaultEstimator;
import dev.ballast.predictors.forecast.DemandForecaster;
import dev.ballast.predictors.forecast.Estimator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;

/**
 * How long one control step's forecasting takes: every VM's CPU and memory forecast from a window of samples,
 * per estimator (on arrays), then end to end through {@link DemandForecaster} and the in-memory metric store
 * (window copy, cleaning, both resources). Median and worst of the timed rounds after warm-up rounds; one thread
 * and all cores. Synthetic seeded series: a daily cycle with noise per VM.
 */
final class ForecastSpeedBenchmark {
    private static final int WARMUP_ROUNDS = 5;

    private ForecastSpeedBenchmark() {
    }

    static void run(int vms, int window, int rounds) {
        if (vms < 1 || window < 1 || rounds < 1) {
            throw new IllegalArgumentException("vms, window and rounds must be >= 1, were " + vms + ", " + window + ", " + rounds);
        }
        Random random = new Random(2026);
        double[][] cpu = new double[vms][];
        double[][] memory = new double[vms][];
        for (int v = 0; v < vms; v++) {
            cpu[v] = synthetic(random, window);
            memory[v] = synthetic(random, window);
        }
        System.out.printf(Locale.ROOT, "forecasting %,d VMs (CPU and memory) from %d-sample windows, %d cores available, "
                        + "system load average %.1f at start%n%n", vms, window, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| per control step | 1 thread: median wall ms | worst wall ms | median CPU ms | all cores: median wall ms | worst wall ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Estimator e : EvaluatedEstimators.all()) {
            double[] single = time(rounds, () -> IntStream.range(0, vms).mapToDouble(v -> e.next(cpu[v]) + e.next(memory[v])).sum());
            double[] parallel = time(rounds, () -> IntStream.range(0, vms).parallel().mapToDouble(v -> e.next(cpu[v]) + e.next(memory[v])).sum());
            row(e.name(), single, parallel);
        }

        InMemoryMetricStore store = new InMemoryMetricStore(Math.max(window, InMemoryMetricStore.DEFAULT_CAPACITY));
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        List<VmId> ids = new ArrayList<>(vms);
        for (int v = 0; v < vms; v++) {
            VmId id = VmId.of("vm-" + v);
            ids.add(id);
            for (int t = 0; t < window; t++) {
                store.writeVmUsage(id, UsageSample.of(start.plus(Duration.ofMinutes(5L * t)), 4 * cpu[v][t], 8192 * memory[v][t]));
            }
        }
        DemandForecaster forecaster = new DemandForecaster(store, window);
        double[] single = time(rounds, () -> ids.stream().mapToDouble(id -> forecaster.forecastVm(id).orElseThrow().expected().cpu()).sum());
        double[] parallel = time(rounds, () -> ids.parallelStream().mapToDouble(id -> forecaster.forecastVm(id).orElseThrow().expected().cpu()).sum());
        row("DemandForecaster.forecastVm for every VM (default " + DefaultEstimator.create().name()
                + ": store fetch, cleaning, CPU and memory)", single, parallel);
        int fetched = Math.min(window, DefaultEstimator.create().lookback() + 8);
        double[] fetchSingle = time(rounds, () -> ids.stream().mapToDouble(id -> store.vmWindow(id, fetched).size()).sum());
        double[] fetchParallel = time(rounds, () -> ids.parallelStream().mapToDouble(id -> store.vmWindow(id, fetched).size()).sum());
        row("of which InMemoryMetricStore.vmWindow(vm, " + fetched + ") alone", fetchSingle, fetchParallel);
    }

    /**
     * {median wall ms, worst wall ms, median CPU ms of this thread} over the timed rounds. On a shared machine the
     * wall time includes waiting for a core; the thread's CPU time does not (it means something for one thread).
     */
    private static double[] time(int rounds, DoubleSupplier step) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            sink += step.getAsDouble();
        }
        double[] ms = new double[rounds];
        double[] cpuMs = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += step.getAsDouble();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpuMs[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        if (Double.isNaN(sink)) {
            System.out.println("(unexpected NaN forecast)"); // keeps the JIT from discarding the work
        }
        Arrays.sort(ms);
        Arrays.sort(cpuMs);
        return new double[] {ms[rounds / 2], ms[rounds - 1], cpuMs[rounds / 2]};
    }

    private static void row(String what, double[] single, double[] parallel) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n", what, single[0], single[1], single[2], parallel[0], parallel[1]);
    }

    private static double[] synthetic(Random random, int length) {
        double base = 0.1 + 0.4 * random.nextDouble();
        double amplitude = 0.3 * random.nextDouble();
        double phase = 2 * Math.PI * random.nextDouble();
        double[] out = new double[length];
        for (int t = 0; t < length; t++) {
            double v = base + amplitude * Math.sin(2 * Math.PI * t / 288 + phase) + 0.05 * random.nextGaussian();
            out[t] = Math.min(1, Math.max(0, v));
        }
        return out;
    }
}
