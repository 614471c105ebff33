package dev.ballast.scheduler.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,200 seeded random and malformed requests across the API: mutated JSON bodies, wrong types, odd paths, methods,
 * tokens and content types. None may get a 5xx. Previews are kept to one second of solving.
 */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
@Property(name = "ballast.planning.default-time-limit-seconds", value = "1")
class ApiFuzzTest {
    private static final String[] PATHS = {"/api/plans", "/api/cluster", "/api/plans/x", "/api/plans/%s", "/api/plans/%s/approve",
            "/api/plans/%s/execute", "/api/plans/%s/cancel", "/api/plans/%s/events", "/api/autopilot", "/api/decisions",
            "/api/audit", "/api/decisions?limit=%s", "/api/nothing", "/api/plans/%s/../x", "/"};
    private static final String[] VALUES = {"\"BALANCE\"", "\"CONSOLIDATE\"", "\"EVACUATE\"", "\"\"", "null", "true", "-1", "0", "1",
            "1e309", "3.5", "[]", "{}", "[\"host-01\"]", "[\"vm-001\", \"vm-002\"]", "\"host-01\"", "99999999999999999999",
            "{\"maxMigrations\": -3}", "[{\"name\": \"r\", \"type\": \"ANTI_AFFINITY\", \"vms\": [\"vm-001\", \"vm-001\"]}]",
            "[{\"type\": \"MUST\"}]", "{\"power\": 1}", "{\"cpu-capacity\": 1}", "\"\\u0000\""};
    private static final String[] KEYS = {"goal", "timeLimitSeconds", "weights", "pinned", "evacuate", "rules", "migrationBudget",
            "allowPowerOn", "spareHosts", "mode", "x", ""};
    private static final String[] TOKENS = {null, "operator-token", "viewer-token", "nope"};

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void noRequestGetsA5xx() {
        Random r = new Random(20261129L);
        ApiClient api = new ApiClient(http);
        String planId = (String) api.preview("BALANCE", 1).get("id");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            String path = String.format(PATHS[r.nextInt(PATHS.length)], r.nextBoolean() ? planId : "p" + r.nextInt(100));
            HttpMethod method = HttpMethod.values()[r.nextInt(5)];
            String body = body(r);
            MutableHttpRequest<?> request = switch (method) {
                case GET -> HttpRequest.GET(path);
                case POST -> HttpRequest.POST(path, body);
                case PUT -> HttpRequest.PUT(path, body);
                case DELETE -> HttpRequest.DELETE(path, body);
                default -> HttpRequest.PATCH(path, body);
            };
            if (method != HttpMethod.GET) {
                request.contentType(r.nextInt(10) == 0 ? MediaType.TEXT_PLAIN_TYPE : MediaType.APPLICATION_JSON_TYPE);
            }
            String token = TOKENS[r.nextInt(TOKENS.length)];
            if (token != null) {
                request.bearerAuth(token);
            }
            if (path.endsWith("/execute") || path.endsWith("/events")) {
                continue; // executing plans and streaming are covered elsewhere; here they would only slow the run
            }
            int status = api.status(request);
            if (status >= 500) {
                failures.add(status + " for " + method + " " + path + " " + body);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String body(Random r) {
        int kind = r.nextInt(6);
        if (kind == 0) {
            return "{\"goal\": \"BALANCE\", "; // truncated
        }
        if (kind == 1) {
            byte[] junk = new byte[r.nextInt(40)];
            r.nextBytes(junk);
            return new String(junk, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder b = new StringBuilder("{");
        int fields = r.nextInt(4);
        boolean hasGoal = r.nextInt(4) != 0;
        if (hasGoal) {
            b.append("\"goal\": ").append(r.nextInt(3) == 0 ? VALUES[r.nextInt(VALUES.length)] : "\"BALANCE\"");
        }
        for (int f = 0; f < fields; f++) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('"').append(KEYS[r.nextInt(KEYS.length)]).append("\": ").append(VALUES[r.nextInt(VALUES.length)]);
        }
        return b.append('}').toString();
    }
}
