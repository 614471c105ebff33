package dev.ballast.scheduler.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded default, reads and previews are open to anonymous viewers; every actuation endpoint refuses
 * anonymous (401) and viewer (403) requests, always; a wrong credential is never treated as anonymous.
 */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
@Property(name = "ballast.security.users", value = "alice:operator:wonderland,bob:viewer:builder")
class SecurityTest {
    @Inject
    @Client("/")
    HttpClient http;

    private ApiClient api() {
        return new ApiClient(http);
    }

    private String newPlan() {
        return (String) api().json(HttpRequest.POST("/api/plans", Map.of("goal", "BALANCE", "timeLimitSeconds", 1))).get("id");
    }

    @Test
    void readsAndPreviewsAreOpenToAnonymousViewers() {
        String id = newPlan();
        for (MutableHttpRequest<?> r : List.of(HttpRequest.GET("/api/cluster"), HttpRequest.GET("/api/plans"),
                HttpRequest.GET("/api/plans/" + id), HttpRequest.GET("/api/autopilot"), HttpRequest.GET("/api/decisions"),
                HttpRequest.GET("/"), HttpRequest.GET("/health"))) {
            assertThat(api().status(r)).as(r.getPath()).isEqualTo(200);
        }
    }

    @Test
    void everyActuationEndpointRefusesAnonymousAndViewers() {
        String id = newPlan();
        List<Supplier<MutableHttpRequest<?>>> actuations = List.of(
                () -> HttpRequest.POST("/api/plans/" + id + "/approve", ""),
                () -> HttpRequest.POST("/api/plans/" + id + "/execute", ""),
                () -> HttpRequest.POST("/api/plans/" + id + "/cancel", ""),
                () -> HttpRequest.PUT("/api/autopilot", Map.of("mode", "AUTO")),
                () -> HttpRequest.POST("/api/autopilot/tick", ""),
                () -> HttpRequest.GET("/api/audit"));
        for (Supplier<MutableHttpRequest<?>> r : actuations) {
            assertThat(api().status(r.get())).as("anonymous %s", r.get().getPath()).isEqualTo(401);
            assertThat(api().status(r.get().bearerAuth("viewer-token"))).as("viewer token %s", r.get().getPath()).isEqualTo(403);
            assertThat(api().status(r.get().basicAuth("bob", "builder"))).as("viewer user %s", r.get().getPath()).isEqualTo(403);
            assertThat(api().status(r.get().bearerAuth("not-a-token"))).as("wrong token %s", r.get().getPath()).isEqualTo(401);
        }
        // The plan is still untouched after all those refusals.
        assertThat(api().json(HttpRequest.GET("/api/plans/" + id)).get("status")).isEqualTo("RECOMMENDED");
        assertThat(api().status(HttpRequest.GET("/api/audit").bearerAuth("operator-token"))).isEqualTo(200);
        assertThat(api().status(HttpRequest.POST("/api/plans/" + id + "/approve", "").basicAuth("alice", "wonderland"))).isEqualTo(200);
        assertThat(api().status(HttpRequest.POST("/api/plans/" + id + "/cancel", "").bearerAuth("operator-token"))).isEqualTo(200);
    }

    @Test
    void aWrongCredentialIsRefusedEvenForReads() {
        assertThat(api().status(HttpRequest.GET("/api/cluster").bearerAuth("not-a-token"))).isEqualTo(401);
        assertThat(api().status(HttpRequest.GET("/api/cluster").basicAuth("alice", "wrong"))).isEqualTo(401);
        String body = api().errorBody(HttpRequest.GET("/api/cluster").bearerAuth("not-a-token"));
        assertThat(body).contains("\"status\":401").contains("Authorization");
    }
}
