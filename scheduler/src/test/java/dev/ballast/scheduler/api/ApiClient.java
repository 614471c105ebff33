package dev.ballast.scheduler.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Small helpers the API tests share: JSON maps in and out, status codes without exceptions. */
final class ApiClient {
    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final HttpClient client;

    ApiClient(HttpClient client) {
        this.client = client;
    }

    /** The status of a request, whatever it is. */
    int status(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    String errorBody(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> r = client.toBlocking().exchange(request, String.class);
            throw new AssertionError("expected an error, got " + r.getStatus() + ": " + r.body());
        } catch (HttpClientResponseException e) {
            return e.getResponse().getBody(String.class).orElse("");
        }
    }

    Map<String, Object> json(MutableHttpRequest<?> request) {
        return client.toBlocking().retrieve(request, JSON);
    }

    Map<String, Object> preview(String goal, int seconds) {
        return json(HttpRequest.POST("/api/plans", Map.of("goal", goal, "timeLimitSeconds", seconds)));
    }

    Map<String, Object> awaitFinal(String id, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> p = json(HttpRequest.GET("/api/plans/" + id).bearerAuth(token));
            String status = (String) p.get("status");
            if (!status.equals("EXECUTING") && !status.equals("APPROVED") && !status.equals("RECOMMENDED")) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("plan " + id + " did not end within 90 s");
    }
}
