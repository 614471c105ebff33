package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.simulation.SimulatedCluster;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan whose destination goes into maintenance while it executes: the step's pre-condition fails, the plan
 * stops as FAILED with every step reported, and every VM still runs on exactly one host.
 */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
@Property(name = "ballast.simulation.real-seconds-per-simulated-second", value = "0.005")
class PlanFailureTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    SimulatedCluster cluster;

    @Test
    @SuppressWarnings("unchecked")
    void aDestinationLostMidPlanFailsThePlanCleanly() throws InterruptedException {
        ApiClient api = new ApiClient(http);
        HostId busiest = cluster.snapshot().hosts().stream().map(h -> h.id())
                .max(java.util.Comparator.comparingInt(h -> cluster.snapshot().vmsOn(h).size())).orElseThrow();
        Map<String, Object> plan = api.json(HttpRequest.POST("/api/plans",
                Map.of("goal", "EVACUATE", "evacuate", List.of(busiest.value()), "timeLimitSeconds", 2)));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) plan.get("steps");
        assertThat(steps.size()).isGreaterThanOrEqualTo(5);
        HostId lastTarget = HostId.of((String) steps.get(steps.size() - 1).get("target"));

        assertThat(api.status(HttpRequest.POST("/api/plans/" + plan.get("id") + "/execute", "").bearerAuth("operator-token"))).isEqualTo(202);
        cluster.setState(lastTarget, HostState.MAINTENANCE);

        Map<String, Object> done = api.awaitFinal((String) plan.get("id"), "operator-token");
        assertThat(done.get("status")).isEqualTo("FAILED");
        assertThat((String) done.get("message")).contains(lastTarget.value());
        List<Map<String, Object>> outcome = (List<Map<String, Object>>) done.get("steps");
        assertThat(outcome).anySatisfy(s -> assertThat(s.get("status")).isEqualTo("FAILED"));
        assertThat(outcome).allSatisfy(s -> assertThat(s.get("status")).isIn("SUCCEEDED", "SKIPPED", "FAILED", "NOT_STARTED"));
        // Every VM runs on exactly one host (the snapshot maps each VM once, onto a known host), none is mid-migration.
        for (VmId vm : cluster.snapshot().placement().keySet()) {
            assertThat(cluster.isMigrating(vm)).isFalse();
        }
        cluster.setState(lastTarget, HostState.ON);
    }
}
