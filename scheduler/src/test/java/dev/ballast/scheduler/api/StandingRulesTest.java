package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.plans.PlanRecord;
import dev.ballast.scheduler.plans.PlanService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules and placement policies from the configuration (ballast.planning.standing-rules-file) hold in every plan:
 * previews without rules of their own and the autopilot's plans alike; a bad file stops the service at start,
 * naming the file and the field.
 */
class StandingRulesTest {
    @TempDir
    Path dir;

    /** Three VMs of the default simulated cluster on three hosts of rack-1 (the service generates the same cluster). */
    private static List<String> crowdedInRackOne() {
        SimulatedCluster same = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(20, 150).withSeed(42), new InMemoryMetricStore());
        ClusterSnapshot s = same.snapshot();
        List<String> picked = new ArrayList<>();
        for (Host h : s.hosts()) {
            if ("rack-1".equals(h.labels().get("rack")) && picked.size() < 3 && !s.vmsOn(h.id()).isEmpty()) {
                picked.add(s.vmsOn(h.id()).get(0).id().value());
            }
        }
        return picked;
    }

    private EmbeddedServer start(String rules) throws Exception {
        Path file = dir.resolve("standing-rules.json");
        Files.writeString(file, rules);
        return ApplicationContext.run(EmbeddedServer.class, Map.of("ballast.planning.standing-rules-file", file.toString(),
                "ballast.simulation.tick", "0s", "micronaut.server.port", -1), "test");
    }

    private static Set<String> racksOf(ClusterSnapshot start, PlanRecord plan, List<String> vms) {
        Map<HostId, String> rack = new LinkedHashMap<>();
        start.hosts().forEach(h -> rack.put(h.id(), h.labels().get("rack")));
        Map<VmId, HostId> where = new LinkedHashMap<>(start.placement());
        plan.plan().steps().forEach(step -> {
            if (step instanceof dev.ballast.actuators.plan.LiveMigrate m) {
                where.put(m.vm(), m.target());
            }
        });
        Set<String> racks = new TreeSet<>();
        vms.forEach(v -> racks.add(rack.get(where.get(VmId.of(v)))));
        return racks;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPlanRespectsTheStandingRulesAndARequestCannotReuseTheirNames() throws Exception {
        List<String> web = crowdedInRackOne();
        String rules = """
                {"rules": [{"name": "web", "type": "ANTI_AFFINITY", "vms": ["%s", "%s", "%s"], "spread": {"hostLabel": "rack", "min": 2}}],
                 "safetyCapacity": [{"resource": "cpu", "fraction": 0.7}]}
                """.formatted(web.get(0), web.get(1), web.get(2));
        try (EmbeddedServer server = start(rules); HttpClient http = HttpClient.create(server.getURL())) {
            ApiClient api = new ApiClient(http);
            SimulatedCluster cluster = server.getApplicationContext().getBean(SimulatedCluster.class);
            ClusterSnapshot start = cluster.snapshot();
            assertThat(racksOf(start, server.getApplicationContext().getBean(PlanService.class).get((String) api.preview("BALANCE", 3).get("id")), web))
                    .containsExactly("rack-1", "rack-2");
            Map<String, Object> plan = api.json(HttpRequest.POST("/api/plans", Map.of("goal", "BALANCE", "timeLimitSeconds", 3)));
            Map<String, Object> score = (Map<String, Object>) plan.get("score");
            Map<String, Map<String, Object>> constraints = new LinkedHashMap<>();
            ((List<Map<String, Object>>) score.get("constraints")).forEach(c -> constraints.put((String) c.get("constraint"), c));
            assertThat(constraints.get("failure-domain-spread").get("before")).isEqualTo("-1hard/0medium/0soft");
            assertThat(constraints.get("failure-domain-spread").get("after")).isEqualTo("0hard/0medium/0soft");
            assertThat(constraints).containsKey("safety-capacity");

            // the autopilot's plans go the same way
            PlanRecord nightly = server.getApplicationContext().getBean(PlanService.class).preview(Goal.CONSOLIDATE, Duration.ofSeconds(3));
            assertThat(racksOf(start, nightly, web)).containsExactly("rack-1", "rack-2");

            String refused = api.errorBody(HttpRequest.POST("/api/plans", Map.of("goal", "BALANCE",
                    "rules", List.of(Map.of("name", "web", "type", "AFFINITY", "vms", List.of(web.get(0), web.get(1)))))));
            assertThat(refused).contains("\"status\":400").contains("standing rule").contains("standing-rules.json");
        }
    }

    @Test
    void aBadStandingRulesFileStopsTheServiceNamingTheFileAndTheField() {
        assertThatThrownBy(() -> start("{\"safetyCapacity\": [{\"resource\": \"cpu\", \"fraction\": 1.5}]}"))
                .hasStackTraceContaining("ballast.planning.standing-rules-file").hasStackTraceContaining("safetyCapacity[0].fraction");
        assertThatThrownBy(() -> start("{\"goal\": \"CONSOLIDATE\"}"))
                .hasStackTraceContaining("field 'goal' is not a standing rule");
    }
}
