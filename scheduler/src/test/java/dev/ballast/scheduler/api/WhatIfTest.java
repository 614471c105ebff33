package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.simulation.SimulatedCluster;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each what-if scenario field, on a sandbox of the observed cluster: the real cluster is never touched. */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
class WhatIfTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    SimulatedCluster cluster;

    private Map<String, Object> preview(String body) {
        return new ApiClient(http).json(HttpRequest.POST("/api/plans", body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kpis(Map<String, Object> plan, String which) {
        return (Map<String, Object>) plan.get(which);
    }

    @Test
    @SuppressWarnings("unchecked")
    void scenariosChangeThePlanButNeverTheCluster() {
        ClusterSnapshot start = cluster.snapshot();
        HostId host = start.hosts().get(0).id();

        // Power a host off: its VMs leave and it ends OFF.
        Map<String, Object> off = preview("{\"goal\": \"BALANCE\", \"timeLimitSeconds\": 2, \"powerOff\": [\"" + host + "\"]}");
        assertThat((List<Map<String, Object>>) off.get("steps")).anySatisfy(s -> {
            assertThat(s.get("type")).isEqualTo("POWER_OFF");
            assertThat(s.get("host")).isEqualTo(host.value());
        });
        assertThat(off.get("whatIf")).isEqualTo(false);

        // Demand doubled: the forecast utilization after is higher than today's.
        Map<String, Object> doubled = preview("{\"goal\": \"BALANCE\", \"timeLimitSeconds\": 2, \"demandScale\": 2.0}");
        assertThat((Double) kpis(doubled, "after").get("meanCpuUtilization"))
                .isGreaterThan((Double) kpis(doubled, "before").get("meanCpuUtilization") * 1.5);
        assertThat(doubled.get("whatIf")).isEqualTo(true);

        // Add a big host and ten VMs: the VMs are placed (no migration steps for them), the host count grows.
        StringBuilder vms = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            vms.append(i == 0 ? "" : ", ").append("{\"id\": \"new-").append(i)
                    .append("\", \"vcpus\": 4, \"memoryMib\": 8192, \"cpuDemand\": 2, \"memoryDemandMib\": 4096}");
        }
        Map<String, Object> grown = preview("{\"goal\": \"BALANCE\", \"timeLimitSeconds\": 3, \"addHosts\": [{\"id\": \"host-new\", "
                + "\"cpu\": 64, \"memoryMib\": 262144}], \"addVms\": [" + vms + "]}");
        assertThat(kpis(grown, "after").get("hosts")).isEqualTo(start.hosts().size() + 1);
        assertThat(kpis(grown, "after").get("vms")).isEqualTo(start.vms().size() + 10);
        assertThat((List<Map<String, Object>>) grown.get("steps")).noneSatisfy(s -> assertThat((String) s.get("vm")).startsWith("new-"));
        assertThat(((Map<String, Object>) grown.get("score")).get("feasible")).isEqualTo(true);

        // Remove VMs and scale one VM's demand.
        String gone = start.vms().get(0).id().value();
        String hot = start.vms().get(1).id().value();
        Map<String, Object> removed = preview("{\"goal\": \"CONSOLIDATE\", \"timeLimitSeconds\": 2, \"removeVms\": [\"" + gone
                + "\"], \"vmDemandScale\": {\"" + hot + "\": 3.0}}");
        assertThat(kpis(removed, "after").get("vms")).isEqualTo(start.vms().size() - 1);

        // A hypothetical plan cannot execute.
        String body = new ApiClient(http).errorBody(HttpRequest.POST("/api/plans/" + grown.get("id") + "/execute", "").bearerAuth("operator-token"));
        assertThat(body).contains("\"status\":409").contains("what-if");

        // Bad scenario fields are named.
        String bad = new ApiClient(http).errorBody(HttpRequest.POST("/api/plans", "{\"goal\": \"BALANCE\", \"addVms\": [{\"id\": \"x\", \"vcpus\": 0, \"memoryMib\": 1}]}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(bad).contains("\"field\":\"addVms[0].vcpus\"");
        String unknown = new ApiClient(http).errorBody(HttpRequest.POST("/api/plans", "{\"goal\": \"BALANCE\", \"removeVms\": [\"nope\"]}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(unknown).contains("nope");

        assertThat(cluster.snapshot().placement()).isEqualTo(start.placement());
        assertThat(cluster.snapshot().hosts()).isEqualTo(start.hosts());
    }
}
