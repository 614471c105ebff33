package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A preview with the machine-reassignment policies on the default simulated cluster (20 hosts labelled rack-1 and
 * rack-2): a service crowded in one rack is spread over both, its cache follows it, and the report prices the rest.
 */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
class PlacementPoliciesApiTest {
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

    /** One VM from each of {@code n} distinct hosts of the rack, skipping the VMs already taken. */
    private static List<String> oneVmPerHost(ClusterSnapshot start, String rack, int n, Set<String> taken) {
        List<String> picked = new ArrayList<>();
        for (Host h : start.hosts()) {
            if (!rack.equals(h.labels().get("rack")) || picked.size() == n) {
                continue;
            }
            start.vmsOn(h.id()).stream().map(v -> v.id().value()).filter(v -> !taken.contains(v)).findFirst().ifPresent(v -> {
                picked.add(v);
                taken.add(v);
            });
        }
        assertThat(picked).hasSize(n);
        return picked;
    }

    private static String quoted(List<String> ids) {
        return "[\"" + String.join("\", \"", ids) + "\"]";
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
    @SuppressWarnings("unchecked")
    void aPreviewSpreadsAServiceOverRacksKeepsItsCacheNearAndPricesThePolicies() {
        ClusterSnapshot start = cluster.snapshot();
        Set<String> taken = new TreeSet<>();
        List<String> web = oneVmPerHost(start, "rack-1", 3, taken);
        List<String> cache = oneVmPerHost(start, "rack-1", 2, taken);
        String body = """
                {"goal": "BALANCE", "timeLimitSeconds": 4,
                 "rules": [
                   {"name": "web", "type": "ANTI_AFFINITY", "vms": %s, "spread": {"hostLabel": "rack", "min": 2}},
                   {"name": "cache", "type": "ANTI_AFFINITY", "strength": "SOFT", "vms": %s}],
                 "dependencies": [{"group": "web", "needs": "cache", "hostLabel": "rack"}],
                 "balanceTargets": [{"free": "cpu", "against": "memory", "target": 4.096, "weight": 1}],
                 "safetyCapacity": [{"resource": "cpu", "fraction": 0.7}, {"resource": "memory", "fraction": 0.9, "weight": 2}],
                 "moveCosts": {"hostLabel": "rack", "costs": [{"from": "rack-1", "to": "rack-2", "cost": 100},
                                                             {"from": "rack-2", "to": "rack-1", "cost": 100}]},
                 "serviceMoveCost": {"groups": ["web", "cache"]},
                 "weights": {"service-move-cost": 500}}
                """.formatted(quoted(web), quoted(cache));
        Map<String, Object> plan = preview(body);

        Map<String, Object> score = (Map<String, Object>) plan.get("score");
        assertThat(score.get("feasible")).as(score.toString()).isEqualTo(true);
        Map<VmId, HostId> after = target(start, plan);
        Map<HostId, String> rackOf = new LinkedHashMap<>();
        start.hosts().forEach(h -> rackOf.put(h.id(), h.labels().get("rack")));
        Set<String> webRacks = new TreeSet<>();
        web.forEach(v -> webRacks.add(rackOf.get(after.get(VmId.of(v)))));
        Set<String> cacheRacks = new TreeSet<>();
        cache.forEach(v -> cacheRacks.add(rackOf.get(after.get(VmId.of(v)))));
        assertThat(webRacks).containsExactly("rack-1", "rack-2");
        assertThat(cacheRacks).containsAll(webRacks);

        Map<String, Map<String, Object>> constraints = new LinkedHashMap<>();
        ((List<Map<String, Object>>) score.get("constraints")).forEach(c -> constraints.put((String) c.get("constraint"), c));
        // before the plan web ran in one rack only
        assertThat(constraints.get("failure-domain-spread").get("before")).isEqualTo("-1hard/0medium/0soft");
        assertThat(constraints.get("failure-domain-spread").get("after")).isEqualTo("0hard/0medium/0soft");
        assertThat(constraints.get("dependency-locality").get("after")).isEqualTo("0hard/0medium/0soft");
        // at least one web VM crossed racks: the table and the per-service move cost price it
        assertThat(constraints.get("host-pair-move-cost").get("after").toString()).endsWith("00soft").doesNotStartWith("0hard/0medium/0soft");
        assertThat((List<String>) constraints.get("host-pair-move-cost").get("justifications")).anySatisfy(j -> assertThat(j).contains("rack rack-"));
        assertThat((List<String>) constraints.get("service-move-cost").get("justifications")).isNotEmpty();
        assertThat(constraints).containsKeys("balance-target", "safety-capacity");
    }

    @Test
    void badPolicyFieldsAreNamed() {
        List<Vm> vms = cluster.snapshot().vms();
        String a = vms.get(0).id().value();
        String b = vms.get(1).id().value();
        String rule = "{\"name\": \"web\", \"type\": \"ANTI_AFFINITY\", \"vms\": [\"" + a + "\", \"" + b + "\"]";
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"rules\": [" + rule + ", \"spread\": {\"hostLabel\": \"rack\"}}]}"))
                .contains("\"field\":\"rules[0].spread.min\"");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"rules\": [" + rule + ", \"spread\": {\"hostLabel\": \"row\", \"min\": 2}}]}"))
                .contains("\"field\":\"rules\"").contains("'row'").contains("[rack]");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"rules\": [" + rule + ", \"spread\": {\"hostLabel\": \"rack\", \"min\": 3}}]}"))
                .contains("\"field\":\"rules\"").contains("only 2 [rack-1, rack-2]");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"rules\": [" + rule + "}], \"dependencies\": [{\"group\": \"web\", \"needs\": \"db\", "
                + "\"hostLabel\": \"rack\"}]}")).contains("\"field\":\"dependencies[0].needs\"").contains("'db'");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"balanceTargets\": [{\"free\": \"cpu\", \"against\": \"disk\", \"target\": 2}]}"))
                .contains("\"field\":\"balanceTargets[0].against\"").contains("disk");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"balanceTargets\": [{\"free\": \"cpu\", \"against\": \"cpu\", \"target\": 2}]}"))
                .contains("\"field\":\"balanceTargets[0]\"").contains("two different");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"safetyCapacity\": [{\"resource\": \"cpu\", \"fraction\": 1.5}]}"))
                .contains("\"field\":\"safetyCapacity[0].fraction\"");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"moveCosts\": {\"hostLabel\": \"rack\", \"costs\": [{\"from\": \"rack-1\", "
                + "\"to\": \"rack-9\", \"cost\": 5}]}}")).contains("\"field\":\"moveCosts\"").contains("rack=rack-9");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"serviceMoveCost\": {\"groups\": [\"web\"]}}"))
                .contains("\"field\":\"serviceMoveCost.groups[0]\"");
        assertThat(badRequest("{\"goal\": \"BALANCE\", \"weights\": {\"failure-domain-spread\": 5}}"))
                .contains("\"field\":\"weights.failure-domain-spread\"");
    }
}
