package dev.ballast.scheduler.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans, their status, who approved them and the audit log survive a restart of the service (H2 file store). */
class PlanPersistenceTest {
    @TempDir
    Path dir;

    private EmbeddedServer start() {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "ballast.store.url", "jdbc:h2:file:" + dir.resolve("ballast") + ";AUTO_SERVER=FALSE",
                "ballast.simulation.tick", "0s",
                "micronaut.server.port", -1), "test");
    }

    @Test
    void plansAndAuditSurviveARestart() {
        String id;
        try (EmbeddedServer server = start(); HttpClient http = HttpClient.create(server.getURL())) {
            ApiClient api = new ApiClient(http);
            id = (String) api.preview("BALANCE", 1).get("id");
            api.json(HttpRequest.POST("/api/plans/" + id + "/approve", "").bearerAuth("operator-token"));
        }
        try (EmbeddedServer server = start(); HttpClient http = HttpClient.create(server.getURL())) {
            ApiClient api = new ApiClient(http);
            Map<String, Object> plan = api.json(HttpRequest.GET("/api/plans/" + id));
            assertThat(plan.get("status")).isEqualTo("APPROVED");
            assertThat(plan.get("approvedBy")).isEqualTo("test-operator");
            assertThat(plan.get("goal")).isEqualTo("BALANCE");
            String audit = http.toBlocking().retrieve(HttpRequest.GET("/api/audit").bearerAuth("operator-token"), String.class);
            assertThat(audit).contains("approve").contains(id);
        }
    }
}
