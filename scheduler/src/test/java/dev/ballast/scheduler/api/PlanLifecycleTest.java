package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.simulation.SimulatedCluster;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.sse.Event;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every lifecycle transition over HTTP: approve, execute, succeed, cancel, superseded by drift, re-validation. */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
@Property(name = "ballast.simulation.real-seconds-per-simulated-second", value = "0.0005")
class PlanLifecycleTest {
    private static final String OPERATOR = "operator-token";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    @Client("/")
    SseClient sse;

    @Inject
    SimulatedCluster cluster;

    private ApiClient api() {
        return new ApiClient(http);
    }

    @Test
    @SuppressWarnings("unchecked")
    void approvedPlanExecutesToSuccessStreamingItsProgressAndIsAudited() throws InterruptedException {
        Map<String, Object> plan = api().preview("CONSOLIDATE", 3);
        String id = (String) plan.get("id");
        assertThat(plan.get("status")).isEqualTo("RECOMMENDED");
        Map<String, Object> approved = api().json(HttpRequest.POST("/api/plans/" + id + "/approve", "").bearerAuth(OPERATOR));
        assertThat(approved.get("status")).isEqualTo("APPROVED");
        assertThat(approved.get("approvedBy")).isEqualTo("test-operator");

        Flux<Event<Map>> events = Flux.from(sse.eventStream(HttpRequest.GET("/api/plans/" + id + "/events"), Map.class));
        var collected = events.map(Event::getData).collectList().toFuture();
        Thread.sleep(200);
        assertThat(api().status(HttpRequest.POST("/api/plans/" + id + "/execute", "").bearerAuth(OPERATOR))).isEqualTo(202);
        Map<String, Object> done = api().awaitFinal(id, OPERATOR);
        assertThat(done.get("status")).as("message %s", done.get("message")).isEqualTo("SUCCEEDED");
        assertThat(done.get("executedBy")).isEqualTo("test-operator");

        List<Map> stream = collected.join();
        assertThat(stream).isNotEmpty();
        assertThat(stream.get(stream.size() - 1).get("status")).isEqualTo("SUCCEEDED");
        assertThat(stream).anySatisfy(v -> assertThat(v.get("status")).isEqualTo("EXECUTING"));

        List<Map<String, Object>> audit = (List<Map<String, Object>>) (List<?>) http.toBlocking().retrieve(
                HttpRequest.GET("/api/audit").bearerAuth(OPERATOR), io.micronaut.core.type.Argument.listOf(Map.class));
        assertThat(audit).anySatisfy(a -> assertThat(a).containsEntry("action", "approve").containsEntry("planId", id));
        assertThat(audit).anySatisfy(a -> assertThat(a).containsEntry("action", "execute").containsEntry("who", "test-operator"));

        // A finished plan cannot run again.
        assertThat(api().status(HttpRequest.POST("/api/plans/" + id + "/execute", "").bearerAuth(OPERATOR))).isEqualTo(409);
    }

    @Test
    void aCancelledPlanCannotBeExecuted() {
        String id = (String) api().preview("BALANCE", 1).get("id");
        assertThat(api().json(HttpRequest.POST("/api/plans/" + id + "/cancel", "").bearerAuth(OPERATOR)).get("status")).isEqualTo("CANCELLED");
        String body = api().errorBody(HttpRequest.POST("/api/plans/" + id + "/execute", "").bearerAuth(OPERATOR));
        assertThat(body).contains("\"status\":409").contains("CANCELLED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPlanWhoseVmMovedMeanwhileIsSupersededOnReValidation() {
        // Evacuating the busiest host always moves VMs, whatever the other tests did to the cluster.
        HostId busiest = cluster.snapshot().hosts().stream().map(h -> h.id())
                .max(java.util.Comparator.comparingInt(h -> cluster.snapshot().vmsOn(h).size())).orElseThrow();
        Map<String, Object> plan = api().json(HttpRequest.POST("/api/plans",
                Map.of("goal", "EVACUATE", "evacuate", List.of(busiest.value()), "timeLimitSeconds", 2)));
        String id = (String) plan.get("id");
        Map<String, Object> firstMove = ((List<Map<String, Object>>) plan.get("steps")).stream()
                .filter(s -> s.get("type").equals("LIVE_MIGRATE")).findFirst().orElseThrow();
        VmId vm = VmId.of((String) firstMove.get("vm"));
        HostId source = HostId.of((String) firstMove.get("source"));
        // Someone moves that VM by hand: to any other host with room.
        var now = cluster.snapshot();
        double memory = now.vm(vm).orElseThrow().size().memoryMib();
        HostId elsewhere = now.hosts().stream()
                .filter(h -> h.state() == dev.ballast.collectors.cluster.HostState.ON)
                .filter(h -> now.vmsOn(h.id()).stream().mapToDouble(v -> v.size().memoryMib()).sum() + memory <= h.capacity().memoryMib())
                .map(h -> h.id())
                .filter(h -> !h.equals(source) && !h.equals(HostId.of((String) firstMove.get("target")))).findFirst().orElseThrow();
        cluster.beginMigration(vm, elsewhere);
        cluster.completeMigration(vm);

        String body = api().errorBody(HttpRequest.POST("/api/plans/" + id + "/approve", "").bearerAuth(OPERATOR));
        assertThat(body).contains("\"status\":409").contains("SUPERSEDED").contains(vm.value());
        Map<String, Object> after = api().json(HttpRequest.GET("/api/plans/" + id));
        assertThat(after.get("status")).isEqualTo("SUPERSEDED");
        assertThat((String) after.get("message")).contains("re-validation failed");
        // Put the VM back for the other tests.
        cluster.beginMigration(vm, source);
        cluster.completeMigration(vm);
    }


}
