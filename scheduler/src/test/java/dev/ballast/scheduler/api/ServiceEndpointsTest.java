package dev.ballast.scheduler.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description generated at build time, health with its indicators, and the metrics. */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
class ServiceEndpointsTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void openApiHealthAndMetricsAreServed() {
        String openApi = http.toBlocking().retrieve("/swagger/ballast-0.1.yml");
        assertThat(openApi).contains("openapi:").contains("/api/plans").contains("/api/plans/{id}/execute").contains("bearer");

        String health = http.toBlocking().retrieve("/health");
        assertThat(health).contains("\"status\":\"UP\"").contains("metricStore").contains("hypervisors");

        // a single instance leads its cluster alone
        String leadership = http.toBlocking().retrieve("/api/leadership");
        assertThat(leadership).contains("\"highAvailability\":false").contains("\"acting\":true").contains("\"cluster\":\"default\"");

        new ApiClient(http).preview("BALANCE", 1);
        String metrics = http.toBlocking().retrieve("/prometheus");
        assertThat(metrics).contains("ballast_plans_previewed_total").contains("ballast_solve_time_seconds");
    }

    @Test
    void anOversizedBodyIsRefusedWithoutA5xx() {
        String big = "{\"goal\": \"BALANCE\", \"pinned\": [\"" + "x".repeat(2_000_000) + "\"]}";
        int status = new ApiClient(http).status(HttpRequest.POST("/api/plans", big).contentType("application/json"));
        assertThat(status).isEqualTo(413);
    }
}
