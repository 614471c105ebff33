package dev.ballast.collectors.influx;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.MetricStoreUnavailableException;
import dev.ballast.collectors.metrics.StoreHealth;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real influxd started by collectors/scripts/influx-start.sh on loopback. */
class InfluxMetricStoreTest {
    private static InfluxServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = InfluxServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void writesADayOfSamplesAndReadsThemBackOldestFirst() throws Exception {
        InfluxSettings settings = InfluxSettings.of(server.url()).withDatabase("day").withCluster("lab")
                .withRetention("one_week", Duration.ofDays(7)).withBuffering(500, 10_000);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Random random = new Random(42);
        List<VmId> vms = List.of(VmId.of("vm-1"), VmId.of("vm-2"), VmId.of("vm-3"));
        HostId host = HostId.of("host-a");
        Map<VmId, List<UsageSample>> expected = new HashMap<>();
        List<UsageSample> expectedHost = new ArrayList<>();
        try (InfluxMetricStore store = new InfluxMetricStore(settings)) {
            assertThat(store.health().status()).isEqualTo(StoreHealth.Status.UP);
            for (int i = 287; i >= 0; i--) {
                // sub-millisecond times survive: the schema stores microseconds
                Instant at = end.minus(Duration.ofMinutes(5L * i)).plusNanos(123_000);
                Map<VmId, UsageSample> interval = new LinkedHashMap<>();
                for (VmId vm : vms) {
                    UsageSample s = UsageSample.of(at, random.nextDouble() * 4, 512 + random.nextInt(3584));
                    interval.put(vm, s);
                    expected.computeIfAbsent(vm, k -> new ArrayList<>()).add(s);
                }
                UsageSample h = UsageSample.of(at, random.nextDouble() * 16, 20_000 + random.nextDouble() * 1000);
                expectedHost.add(h);
                Map<VmId, HostId> placement = new HashMap<>();
                vms.forEach(vm -> placement.put(vm, host));
                store.writeAll(interval, placement, Map.of(host, h));
            }
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(store.stats()).isEqualTo(new WriteStats(288 * 4, 288 * 4, 0, 0, 0));

            for (VmId vm : vms) {
                assertThat(store.vmWindow(vm, 288)).containsExactlyElementsOf(expected.get(vm));
                assertThat(store.vmWindow(vm, 10)).containsExactlyElementsOf(expected.get(vm).subList(278, 288));
            }
            assertThat(store.hostWindow(host, 1000)).containsExactlyElementsOf(expectedHost);
            assertThat(store.vmWindow(VmId.of("absent"), 10)).isEmpty();
            assertThat(store.vmWindow(vms.get(0), 0)).isEmpty();
        }
        try (InfluxDB raw = InfluxDBFactory.connect(server.url())) {
            QueryResult policies = raw.query(new Query("SHOW RETENTION POLICIES ON \"day\"", "day"));
            assertThat(policies.getResults().get(0).getSeries().get(0).getValues())
                    .anySatisfy(row -> assertThat(row).startsWith("one_week", "168h0m0s").contains(true));
            QueryResult tags = raw.query(new Query(
                    "SHOW TAG VALUES FROM \"vm_usage\" WITH KEY = \"host\"", "day"));
            assertThat(tags.getResults().get(0).getSeries().get(0).getValues())
                    .containsExactly(List.of("host", "host-a"));
        }
    }

    @Test
    void readsTheWindowsOfManyVmsInOneQueryAsOneByOne() throws Exception {
        InfluxSettings settings = InfluxSettings.of(server.url()).withDatabase("bulk").withCluster("east");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        List<VmId> vms = new ArrayList<>();
        for (int v = 0; v < 60; v++) {
            vms.add(VmId.of("vm-" + v));
        }
        try (InfluxMetricStore east = new InfluxMetricStore(settings);
             InfluxMetricStore west = new InfluxMetricStore(settings.withCluster("west"))) {
            for (int i = 0; i < 20; i++) {
                Instant at = t0.plusSeconds(60L * i);
                Map<VmId, UsageSample> interval = new LinkedHashMap<>();
                Map<VmId, HostId> placement = new HashMap<>();
                for (int v = 0; v < vms.size(); v++) {
                    interval.put(vms.get(v), UsageSample.of(at, v + i / 100.0, 100 * v + i));
                    // vm-0 migrates half-way: its window spans two host series
                    placement.put(vms.get(v), HostId.of(v == 0 && i >= 10 ? "host-b" : "host-a"));
                }
                east.writeAll(interval, placement, Map.of());
                // another cluster in the same database, with the same VM names
                west.writeAll(Map.of(vms.get(1), UsageSample.of(at.plusMillis(1), 99, 99)), Map.of());
            }
            assertThat(west.flush(Duration.ofSeconds(10))).isTrue();
            List<VmId> asked = new ArrayList<>(vms);
            asked.add(VmId.of("never-written"));
            Map<VmId, List<UsageSample>> windows = east.vmWindows(asked, 15);
            assertThat(windows).hasSize(60).doesNotContainKey(VmId.of("never-written"));
            for (VmId vm : vms) {
                assertThat(windows.get(vm)).hasSize(15).containsExactlyElementsOf(east.vmWindow(vm, 15));
            }
            assertThat(windows.get(VmId.of("vm-0")).getLast()).isEqualTo(UsageSample.of(t0.plusSeconds(60L * 19), 0.19, 19));
            assertThat(windows.get(VmId.of("vm-1"))).allSatisfy(s -> assertThat(s.used().cpu()).isLessThan(2));
        }
    }

    @Test
    void survivesInfluxDbGoingDownBuffersCountsDropsExactlyAndResumes() throws Exception {
        int capacity = 500;
        InfluxSettings settings = InfluxSettings.of(server.url()).withDatabase("outage")
                .withBuffering(100, capacity).withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        int[] clock = {0};
        try (InfluxMetricStore store = new InfluxMetricStore(settings)) {
            writeIntervals(store, t0, clock, 5, 10);
            assertThat(store.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(store.health().isUp()).isTrue();

            server.stop();
            writeIntervals(store, t0, clock, 1, 10);
            awaitTrue(() -> !store.health().isUp(), "health DOWN after influxd stopped");
            StoreHealth down = store.health();
            assertThat(down.reason()).isNotBlank();
            assertThatThrownBy(() -> store.vmWindow(VmId.of("vm-0"), 5))
                    .isInstanceOf(MetricStoreUnavailableException.class)
                    .hasMessageContaining(server.url()).hasMessageContaining("vm-0");
            // 80 intervals of 10 VMs while down: 810 points for a 500-point buffer
            writeIntervals(store, t0, clock, 80, 10);
            WriteStats whileDown = store.stats();
            assertThat(whileDown).isEqualTo(new WriteStats(860, 50, 810 - capacity, 0, capacity));

            server.startAgain();
            awaitTrue(() -> store.health().isUp(), "health UP after influxd restarted");
            assertThat(store.health().since()).isAfterOrEqualTo(down.since());
            // the buffered points go out first
            assertThat(store.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(store.stats()).isEqualTo(new WriteStats(860, 860 - 310, 310, 0, 0));
            writeIntervals(store, t0, clock, 2, 10);
            assertThat(store.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(store.stats()).isEqualTo(new WriteStats(880, 880 - 310, 310, 0, 0));
            assertThat(store.droppedPoints()).isEqualTo(310);

            try (InfluxDB raw = InfluxDBFactory.connect(server.url())) {
                QueryResult count = raw.query(new Query("SELECT count(\"cpu\") FROM \"vm_usage\"", "outage"));
                Object stored = count.getResults().get(0).getSeries().get(0).getValues().get(0).get(1);
                assertThat(((Number) stored).longValue()).isEqualTo(880 - 310);
            }
            // the newest interval, written after the restart, is the end of every window
            List<UsageSample> window = store.vmWindow(VmId.of("vm-3"), 3);
            assertThat(window).hasSize(3);
            assertThat(window.get(2).at()).isEqualTo(t0.plusSeconds(clock[0] - 1));
        }
    }

    /** {@code count} intervals of {@code vms} VM samples each, one second apart. */
    private static void writeIntervals(InfluxMetricStore store, Instant t0, int[] clock, int count, int vms) {
        for (int i = 0; i < count; i++) {
            Instant at = t0.plusSeconds(clock[0]++);
            Map<VmId, UsageSample> interval = new LinkedHashMap<>();
            for (int v = 0; v < vms; v++) {
                interval.put(VmId.of("vm-" + v), UsageSample.of(at, v * 0.1, 1024));
            }
            store.writeAll(interval, Map.of());
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
