package dev.ballast.collectors.libvirt;

import dev.ballast.collectors.collection.CollectionRound;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scan time per host on the project's libvirt testbed: {@code benchmark.hosts} hosts (2) with
 * {@code benchmark.guestsPerHost} idle 96 MiB guests each (3), {@code benchmark.scans} scans (20) of each host on
 * its own, then as many full collection rounds (all hosts in parallel). Needs root. See docs/collectors.md.
 */
public final class LibvirtScanBenchmark {
    private LibvirtScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = Integer.getInteger("benchmark.hosts", 2);
        int guests = Integer.getInteger("benchmark.guestsPerHost", 3);
        int scans = Integer.getInteger("benchmark.scans", 20);
        try (Testbed testbed = Testbed.up("btbnch", hosts)) {
            for (int h = 1; h <= hosts; h++) {
                for (int g = 1; g <= guests; g++) {
                    testbed.guest(h, "g" + h + "-" + g, 96, 0);
                }
            }
            for (int h = 1; h <= hosts; h++) {
                for (int g = 1; g <= guests; g++) {
                    testbed.waitHeartbeat("g" + h + "-" + g);    // measure booted guests, not booting ones
                }
            }
            System.out.printf("testbed: %d hosts x %d running guests, %d cores%n", hosts, guests,
                    Runtime.getRuntime().availableProcessors());
            for (int h = 1; h <= hosts; h++) {
                try (HostScanner scanner = new HostScanner(testbed.uri(h), HostScanner.READ_ONLY, Clock.systemUTC())) {
                    scanner.scan();    // connects
                    List<Double> ms = new ArrayList<>();
                    int domains = 0;
                    for (int i = 0; i < scans; i++) {
                        long t0 = System.nanoTime();
                        domains = scanner.scan().domains().size();
                        ms.add((System.nanoTime() - t0) / 1e6);
                    }
                    print("host " + h + " scan (" + domains + " domains)", ms);
                }
            }
            LibvirtSettings settings = new LibvirtSettings(testbed.uris(), Duration.ofSeconds(10));
            try (LibvirtCollector collector = new LibvirtCollector(settings)) {
                collector.collect();
                List<Double> ms = new ArrayList<>();
                CollectionRound round = null;
                for (int i = 0; i < scans; i++) {
                    long t0 = System.nanoTime();
                    round = collector.collect();
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
                print("collection round, " + hosts + " hosts in parallel (" + round.vmUsage().size() + " VM samples)",
                        ms);
            }
        }
    }

    private static void print(String what, List<Double> ms) {
        List<Double> sorted = ms.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s: median %.2f ms, max %.2f ms over %d runs%n", what,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
    }
}
