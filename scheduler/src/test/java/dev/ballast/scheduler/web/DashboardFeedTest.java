package dev.ballast.scheduler.web;

import dev.ballast.collectors.metrics.MetricStore;
import dev.ballast.scheduler.config.DashboardFeed;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on the InfluxDB store (a real influxd on loopback) writes what the Grafana dashboards read besides
 * usage: each VM's forecast and each host's power state, and every migration as it finishes.
 */
class DashboardFeedTest {
    private static final Pattern STARTED = Pattern.compile("pid=(\\d+) port=(\\d+)");

    @Test
    void forecastsPowerStatesAndMigrationsReachInfluxDb() throws Exception {
        ProjectScripts.Result install = ProjectScripts.run("collectors/scripts/influx-install.sh");
        Assumptions.assumeTrue(install.rc() == 0, () -> "InfluxDB is not installed and could not be installed: " + install.output());
        Path dataDir = Files.createTempDirectory("ballast-feed-influx-");
        ProjectScripts.Result started = ProjectScripts.run("collectors/scripts/influx-start.sh", dataDir.toString());
        Matcher m = STARTED.matcher(started.output());
        assertThat(started.rc() == 0 && m.find()).as("influx-start.sh: %s", started.output()).isTrue();
        String url = "http://127.0.0.1:" + m.group(2);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "ballast.metrics.store", "influx", "ballast.metrics.influx-url", url, "ballast.metrics.influx-database", "feed",
                "ballast.metrics.feed-interval", "0s", "ballast.simulation.tick", "0s", "ballast.simulation.warmup-intervals", "24",
                "ballast.simulation.real-seconds-per-simulated-second", "0", "micronaut.server.port", -1,
                // Simulated time within InfluxDB's 30-day retention, else it drops the points as too old.
                "ballast.simulation.start", Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString()), "test");
             HttpClient http = HttpClient.create(server.getURL());
             InfluxDB influx = InfluxDBFactory.connect(url)) {
            Map<String, Object> plan = http.toBlocking().retrieve(HttpRequest.POST("/api/plans",
                    Map.of("goal", "CONSOLIDATE", "timeLimitSeconds", 5)), Argument.mapOf(String.class, Object.class));
            assertThat((Integer) plan.get("migrations")).isPositive();
            http.toBlocking().exchange(HttpRequest.POST("/api/plans/" + plan.get("id") + "/execute", "").bearerAuth("operator-token"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!"SUCCEEDED".equals(http.toBlocking().retrieve(HttpRequest.GET("/api/plans/" + plan.get("id")),
                    Argument.mapOf(String.class, Object.class)).get("status")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            server.getApplicationContext().getBean(DashboardFeed.class).feed();
            MetricStore store = server.getApplicationContext().getBean(MetricStore.class);
            assertThat(((dev.ballast.collectors.influx.InfluxMetricStore) store).flush(Duration.ofSeconds(30))).isTrue();

            assertThat(count(influx, "SELECT count(\"count\") FROM \"migration\"")).isEqualTo(((Integer) plan.get("migrations")).longValue());
            assertThat(count(influx, "SELECT count(\"cpu\") FROM \"vm_forecast\"")).isEqualTo(150);
            assertThat(count(influx, "SELECT count(\"on\") FROM \"host_state\"")).isEqualTo(20);
            assertThat(count(influx, "SELECT count(\"on\") FROM \"host_state\" WHERE \"state\" = 'OFF'")).isPositive();
        } finally {
            ProjectScripts.run("collectors/scripts/influx-stop.sh", dataDir.toString(), "--purge");
        }
    }

    private static long count(InfluxDB influx, String influxQl) {
        QueryResult r = influx.query(new Query(influxQl, "feed"));
        assertThat(r.getError()).as(influxQl).isNull();
        var series = r.getResults().getFirst().getSeries();
        assertThat(series).as(influxQl + " returns a series").isNotNull().isNotEmpty();
        return ((Number) series.getFirst().getValues().getFirst().get(1)).longValue();
    }
}
