package dev.ballast.collectors.influx;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Points per second written into a real InfluxDB (started by collectors/scripts/influx-start.sh on loopback) by
 * {@link InfluxMetricStore}, one interval of {@code vms} VMs and {@code vms / 20} hosts at a time, each interval
 * written and flushed before the next (the collector's pattern). Prints each measured interval and a summary.
 * <p>
 * System properties (all optional): {@code benchmark.vms} (10000), {@code benchmark.intervals} (20),
 * {@code benchmark.batchSize} (5000). See docs/collectors.md.
 */
public final class InfluxWriteBenchmark {
    private InfluxWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int vms = Integer.getInteger("benchmark.vms", 10_000);
        int intervals = Integer.getInteger("benchmark.intervals", 20);
        int batchSize = Integer.getInteger("benchmark.batchSize", 5_000);
        int hosts = Math.max(1, vms / 20);
        int warmup = 3;
        try (InfluxServer server = InfluxServer.start()) {
            InfluxSettings settings = InfluxSettings.of(server.url()).withDatabase("benchmark")
                    .withBuffering(batchSize, Math.max(batchSize, 2 * (vms + hosts)));
            System.out.printf("InfluxDB %s (pid %d), %d VMs + %d hosts per interval, batch %d, %d cores%n",
                    server.url(), server.pid(), vms, hosts, batchSize, Runtime.getRuntime().availableProcessors());
            Random random = new Random(7);
            List<VmId> vmIds = new ArrayList<>();
            Map<VmId, HostId> placement = new LinkedHashMap<>();
            for (int v = 0; v < vms; v++) {
                VmId id = VmId.of("vm-" + v);
                vmIds.add(id);
                placement.put(id, HostId.of("host-" + (v % hosts)));
            }
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
            List<Double> seconds = new ArrayList<>();
            long points = 0;
            try (InfluxMetricStore store = new InfluxMetricStore(settings)) {
                for (int i = 0; i < warmup + intervals; i++) {
                    Instant at = start.plusSeconds(10L * i);
                    Map<VmId, UsageSample> vmSamples = new LinkedHashMap<>();
                    for (VmId id : vmIds) {
                        vmSamples.put(id, UsageSample.of(at, random.nextDouble() * 4, 256 + random.nextInt(8192)));
                    }
                    Map<HostId, UsageSample> hostSamples = new LinkedHashMap<>();
                    for (int h = 0; h < hosts; h++) {
                        hostSamples.put(HostId.of("host-" + h), UsageSample.of(at, random.nextDouble() * 64,
                                random.nextDouble() * 500_000));
                    }
                    long t0 = System.nanoTime();
                    store.writeAll(vmSamples, placement, hostSamples);
                    if (!store.flush(Duration.ofMinutes(2))) {
                        throw new IllegalStateException("interval " + i + " not written within 2 min: "
                                + store.stats() + ", health " + store.health());
                    }
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (i >= warmup) {
                        seconds.add(s);
                        points += vms + hosts;
                    }
                    System.out.printf(Locale.ROOT, "interval %2d%s: %d points in %.3f s (%.0f points/s)%n", i,
                            i < warmup ? " (warm-up)" : "", vms + hosts, s, (vms + hosts) / s);
                }
                WriteStats stats = store.stats();
                double total = seconds.stream().mapToDouble(Double::doubleValue).sum();
                List<Double> sorted = seconds.stream().sorted().toList();
                System.out.printf(Locale.ROOT, "%nsummary: %d intervals of %d points: %.0f points/s; interval write "
                                + "time median %.3f s, max %.3f s (budget 10 s: %.1f %% used at the median)%n",
                        intervals, vms + hosts, points / total, sorted.get(sorted.size() / 2),
                        sorted.get(sorted.size() - 1), 100 * sorted.get(sorted.size() / 2) / 10.0);
                System.out.println("store: " + stats + ", health " + store.health().status());

                // the reads the predictors make: one window per VM
                int reads = Math.min(vms, Integer.getInteger("benchmark.reads", 2_000));
                int window = 12;
                long r0 = System.nanoTime();
                for (int v = 0; v < reads; v++) {
                    if (store.vmWindow(vmIds.get(v), window).size() != window) {
                        throw new IllegalStateException("window of " + vmIds.get(v) + " is short");
                    }
                }
                double readSeconds = (System.nanoTime() - r0) / 1e9;
                System.out.printf(Locale.ROOT, "reads: %d windows of %d samples, one query each: %.2f ms per window"
                                + " (%.1f s for all %d VMs)%n", reads, window, 1000 * readSeconds / reads,
                        readSeconds / reads * vms, vms);
                List<Double> bulk = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long b0 = System.nanoTime();
                    int got = store.vmWindows(vmIds, window).size();
                    bulk.add((System.nanoTime() - b0) / 1e9);
                    if (got != vms) {
                        throw new IllegalStateException("vmWindows gave " + got + " of " + vms + " VMs");
                    }
                }
                System.out.printf(Locale.ROOT, "reads: the windows of all %d VMs (%d samples each) in one query: "
                        + "%.2f s (best of 3; %s)%n", vms, window, bulk.stream().min(Double::compare).orElseThrow(), bulk);
            }
        }
    }
}
