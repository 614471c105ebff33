package dev.ballast.scheduler.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without anonymous viewers (as with a real cluster) every API endpoint needs credentials. */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
@Property(name = "ballast.security.anonymous-viewer", value = "false")
class RealClusterSecurityTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void everyApiEndpointNeedsCredentials() {
        ApiClient api = new ApiClient(http);
        assertThat(api.status(HttpRequest.GET("/api/cluster"))).isEqualTo(401);
        assertThat(api.status(HttpRequest.GET("/api/plans"))).isEqualTo(401);
        assertThat(api.status(HttpRequest.POST("/api/plans", Map.of("goal", "BALANCE")))).isEqualTo(401);
        assertThat(api.status(HttpRequest.GET("/api/decisions"))).isEqualTo(401);
        assertThat(api.status(HttpRequest.GET("/api/autopilot"))).isEqualTo(401);
        assertThat(api.status(HttpRequest.GET("/api/cluster").bearerAuth("viewer-token"))).isEqualTo(200);
    }
}
