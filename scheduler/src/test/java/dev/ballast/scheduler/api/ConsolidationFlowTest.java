package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.simulation.SimulatedCluster;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton end to end on the default simulated cluster (20 hosts, 150 VMs), with the simulated clock
 * stopped so the load does not change between the two previews: preview a consolidation, check every prefix of its
 * steps, execute it, check the cluster, preview again.
 */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
@Property(name = "ballast.simulation.real-seconds-per-simulated-second", value = "0")
class ConsolidationFlowTest {
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    // The service's defaults (application.yml): CPU demand up to 85 % of a host, allocated memory up to 95 %.
    private static final double CPU_LIMIT = 0.85;
    private static final double MEMORY_LIMIT = 0.95;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SimulatedCluster cluster;

    @Test
    @SuppressWarnings("unchecked")
    void consolidatesExecutesAndThenHasNothingLeftToDo() throws InterruptedException {
        ClusterSnapshot start = cluster.snapshot();
        Map<String, Object> clusterView = client.toBlocking().retrieve(HttpRequest.GET("/api/cluster"), JSON);
        Map<String, Double> forecastCpu = new HashMap<>();
        for (Map<String, Object> vm : (List<Map<String, Object>>) clusterView.get("vms")) {
            forecastCpu.put((String) vm.get("id"), ((Number) vm.get("forecastCpu")).doubleValue());
        }

        HttpResponse<Map<String, Object>> created = client.toBlocking().exchange(
                HttpRequest.POST("/api/plans", Map.of("goal", "CONSOLIDATE", "timeLimitSeconds", 10)), JSON);
        assertThat(created.status().getCode()).isEqualTo(HttpStatus.CREATED.getCode());
        Map<String, Object> plan = created.body();
        Map<String, Object> before = (Map<String, Object>) plan.get("before");
        Map<String, Object> after = (Map<String, Object>) plan.get("after");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) plan.get("steps");
        assertThat((Integer) after.get("poweredOnHosts")).isLessThan((Integer) before.get("poweredOnHosts"));
        assertThat(steps).anySatisfy(s -> assertThat(s.get("type")).isEqualTo("POWER_OFF"));
        assertThat(steps).allSatisfy(s -> assertThat((String) s.get("reason")).isNotBlank());
        assertThat((List<?>) plan.get("unresolved")).isEmpty();

        Map<VmId, HostId> target = replayCheckingEveryPrefix(start, forecastCpu, steps);

        HttpResponse<Map<String, Object>> accepted = client.toBlocking().exchange(
                HttpRequest.POST("/api/plans/" + plan.get("id") + "/execute", "").bearerAuth("operator-token"), JSON);
        assertThat(accepted.status().getCode()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        Map<String, Object> done = awaitEnd((String) plan.get("id"));
        assertThat(done.get("status")).as("plan message: %s", done.get("message")).isEqualTo("SUCCEEDED");
        assertThat((List<Map<String, Object>>) done.get("steps")).allSatisfy(s -> assertThat(s.get("status")).isEqualTo("SUCCEEDED"));

        ClusterSnapshot end = cluster.snapshot();
        assertThat(end.placement()).isEqualTo(target);
        for (Map<String, Object> s : steps) {
            if (s.get("type").equals("POWER_OFF")) {
                assertThat(end.host(HostId.of((String) s.get("host"))).orElseThrow().state()).isEqualTo(HostState.OFF);
            }
        }

        Map<String, Object> again = client.toBlocking().retrieve(
                HttpRequest.POST("/api/plans", Map.of("goal", "CONSOLIDATE", "timeLimitSeconds", 10)), JSON);
        assertThat(again.get("migrations")).isEqualTo(0);
        assertThat((List<?>) again.get("steps")).isEmpty();
    }

    /** Applies the steps one by one to the start state, failing at the first step whose moment is infeasible. */
    private static Map<VmId, HostId> replayCheckingEveryPrefix(ClusterSnapshot start, Map<String, Double> forecastCpu,
                                                              List<Map<String, Object>> steps) {
        Map<VmId, HostId> where = new LinkedHashMap<>(start.placement());
        Map<HostId, HostState> state = new HashMap<>();
        start.hosts().forEach(h -> state.put(h.id(), h.state()));
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> s = steps.get(i);
            switch ((String) s.get("type")) {
                case "LIVE_MIGRATE" -> {
                    VmId vm = VmId.of((String) s.get("vm"));
                    HostId from = HostId.of((String) s.get("source"));
                    HostId to = HostId.of((String) s.get("target"));
                    assertThat(where.get(vm)).as("step %d source", i).isEqualTo(from);
                    assertThat(state.get(to)).as("step %d target state", i).isEqualTo(HostState.ON);
                    // While it migrates the VM counts on both hosts: the target must hold its residents plus the VM.
                    Host target = start.host(to).orElseThrow();
                    double memory = start.vm(vm).orElseThrow().size().memoryMib();
                    double cpu = forecastCpu.get(vm.value());
                    for (Vm resident : start.vms()) {
                        if (where.get(resident.id()).equals(to)) {
                            memory += resident.size().memoryMib();
                            cpu += forecastCpu.get(resident.id().value());
                        }
                    }
                    assertThat(memory).as("step %d memory on %s", i, to).isLessThanOrEqualTo(target.capacity().memoryMib() * MEMORY_LIMIT + 1);
                    assertThat(cpu).as("step %d cpu on %s", i, to).isLessThanOrEqualTo(target.capacity().cpu() * CPU_LIMIT + 0.01);
                    where.put(vm, to);
                }
                case "POWER_OFF" -> {
                    HostId h = HostId.of((String) s.get("host"));
                    assertThat(where.values()).as("step %d powers off %s", i, h).doesNotContain(h);
                    state.put(h, HostState.OFF);
                }
                case "POWER_ON" -> state.put(HostId.of((String) s.get("host")), HostState.ON);
                default -> throw new AssertionError("unknown step type " + s.get("type"));
            }
        }
        return where;
    }

    private Map<String, Object> awaitEnd(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> p = client.toBlocking().retrieve(HttpRequest.GET("/api/plans/" + id), JSON);
            if (!"EXECUTING".equals(p.get("status"))) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("plan " + id + " still executing after 60 s");
    }
}
