package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.simulation.SimulatedCluster;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Previews with rules, evacuation, budgets and infeasible requests on the default simulated cluster. */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
class RulesAndScenariosTest {
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SimulatedCluster cluster;

    private Map<String, Object> preview(String body) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/plans", body).contentType(MediaType.APPLICATION_JSON_TYPE), JSON);
    }

    private String badRequest(String body) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> preview(body));
        assertThat(e).as("expected 400 for %s", body).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        return e.getResponse().getBody(String.class).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<VmId, HostId> target(ClusterSnapshot start, Map<String, Object> plan) {
        Map<VmId, HostId> where = new LinkedHashMap<>(start.placement());
        for (Map<String, Object> s : (List<Map<String, Object>>) plan.get("steps")) {
            if ("LIVE_MIGRATE".equals(s.get("type"))) {
                where.put(VmId.of((String) s.get("vm")), HostId.of((String) s.get("target")));
            }
        }
        return where;
    }

    @Test
    void evacuateEmptiesTheNamedHostWithoutPoweringAnythingOff() {
        ClusterSnapshot start = cluster.snapshot();
        HostId drained = start.hosts().get(2).id();
        Map<String, Object> plan = preview("{\"goal\": \"EVACUATE\", \"evacuate\": [\"" + drained + "\"], \"timeLimitSeconds\": 3}");
        assertThat(target(start, plan).values()).doesNotContain(drained);
        // Evacuation moves the drained host's VMs and hardly anything else.
        assertThat((Integer) plan.get("migrations")).isBetween(start.vmsOn(drained).size(), start.vmsOn(drained).size() + 3);
        assertThat(plan.toString()).doesNotContain("POWER_OFF");
        assertThat(plan.get("score").toString()).contains("feasible=true");
    }

    @Test
    void aHardAntiAffinityRuleSeparatesVmsThatShareAHost() {
        ClusterSnapshot start = cluster.snapshot();
        Map<HostId, List<Vm>> byHost = start.vms().stream().collect(Collectors.groupingBy(Vm::host));
        List<Vm> sharing = byHost.values().stream().filter(l -> l.size() >= 2).findFirst().orElseThrow();
        String a = sharing.get(0).id().value();
        String b = sharing.get(1).id().value();
        Map<String, Object> plan = preview("{\"goal\": \"BALANCE\", \"timeLimitSeconds\": 3, \"rules\": [{\"name\": \"replicas\", "
                + "\"type\": \"ANTI_AFFINITY\", \"vms\": [\"" + a + "\", \"" + b + "\"]}]}");
        Map<VmId, HostId> after = target(start, plan);
        assertThat(after.get(VmId.of(a))).isNotEqualTo(after.get(VmId.of(b)));
    }

    @Test
    void aMigrationBudgetCapsTheMoves() {
        Map<String, Object> plan = preview("{\"goal\": \"CONSOLIDATE\", \"timeLimitSeconds\": 3, \"migrationBudget\": {\"maxMigrations\": 3}}");
        assertThat((Integer) plan.get("migrations")).isLessThanOrEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInfeasibleRequestComesBackAsAPlanNamingTheBrokenConstraint() {
        String vm = cluster.snapshot().vms().get(0).id().value();
        Map<String, Object> plan = preview("{\"goal\": \"BALANCE\", \"timeLimitSeconds\": 2, \"rules\": [{\"name\": \"needs-gpu\", "
                + "\"type\": \"MUST\", \"vms\": [\"" + vm + "\"], \"hostLabel\": \"gpu=yes\"}]}");
        Map<String, Object> score = (Map<String, Object>) plan.get("score");
        assertThat(score.get("feasible")).isEqualTo(false);
        List<Map<String, Object>> broken = (List<Map<String, Object>>) score.get("broken");
        assertThat(broken).anySatisfy(c -> {
            assertThat(c.get("constraint")).isEqualTo("host-rule");
            assertThat(c.get("justifications").toString()).contains("needs-gpu").contains(vm);
        });
    }

    @Test
    void contradictoryRulesAreRejectedWithTheirNames() {
        List<Vm> vms = cluster.snapshot().vms();
        String a = vms.get(0).id().value();
        String b = vms.get(1).id().value();
        String body = badRequest("{\"goal\": \"BALANCE\", \"rules\": ["
                + "{\"name\": \"keep-together\", \"type\": \"AFFINITY\", \"vms\": [\"" + a + "\", \"" + b + "\"]},"
                + "{\"name\": \"keep-apart\", \"type\": \"ANTI_AFFINITY\", \"vms\": [\"" + a + "\", \"" + b + "\"]}]}");
        assertThat(body).contains("\"field\":\"rules\"").contains("keep-together").contains("keep-apart");
    }

    @Test
    void badScenarioFieldsAreNamed() {
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"weights\": {\"cpu-capacity\": 5}}")).contains("\"field\":\"weights.cpu-capacity\"");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"weights\": {\"power\": -1}}")).contains("\"field\":\"weights.power\"");
        assertThat(badRequest("{\"goal\": \"EVACUATE\"}")).contains("\"field\":\"evacuate\"");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"rules\": [{\"name\": \"r\", \"type\": \"NEAR\", \"vms\": [\"vm-001\", \"vm-002\"]}]}"))
                .contains("\"field\":\"rules[0].type\"").contains("NEAR");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"rules\": [{\"name\": \"r\", \"type\": \"MUST\", \"vms\": [\"vm-001\"], \"hostLabel\": \"gpu\"}]}"))
                .contains("\"field\":\"rules[0].hostLabel\"");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"pinned\": [\"no-such-vm\"]}")).contains("no-such-vm");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"colour\": \"blue\"}")).contains("\"field\":\"colour\"");
    }
}
