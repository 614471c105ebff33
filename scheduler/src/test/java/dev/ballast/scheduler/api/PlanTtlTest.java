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

/** A plan older than its TTL is SUPERSEDED: it shows so in listings and refuses to execute. */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
@Property(name = "ballast.planning.plan-ttl", value = "2s")
class PlanTtlTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aStalePlanIsSuperseded() throws InterruptedException {
        ApiClient api = new ApiClient(http);
        String id = (String) api.preview("BALANCE", 1).get("id");
        Thread.sleep(2_500);
        String body = api.errorBody(HttpRequest.POST("/api/plans/" + id + "/execute", "").bearerAuth("operator-token"));
        assertThat(body).contains("\"status\":409").contains("TTL");
        Map<String, Object> plan = api.json(HttpRequest.GET("/api/plans/" + id));
        assertThat(plan.get("status")).isEqualTo("SUPERSEDED");
    }
}
