package dev.ballast.scheduler.api;

import dev.ballast.collectors.simulation.SimulatedCluster;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad plan requests get a 400 naming the field at fault, and nothing is planned or executed. */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
class BadRequestTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SimulatedCluster cluster;

    private HttpClientResponseException post(String path, String body) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE), String.class));
    }

    @Test
    void malformedJsonUnknownGoalAndNegativeTimeLimitAreRejectedAndNothingHappens() {
        var placement = cluster.snapshot().placement();

        HttpClientResponseException malformed = post("/api/plans", "{\"goal\": \"CONSOLIDATE\", ");
        assertThat(malformed.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(malformed.getResponse().getBody(String.class).orElseThrow()).containsIgnoringCase("json");

        HttpClientResponseException unknownGoal = post("/api/plans", "{\"goal\": \"SHUFFLE\"}");
        assertThat(unknownGoal.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        String goalBody = unknownGoal.getResponse().getBody(String.class).orElseThrow();
        assertThat(goalBody).contains("\"field\":\"goal\"").contains("SHUFFLE").contains("BALANCE, CONSOLIDATE");

        HttpClientResponseException negative = post("/api/plans", "{\"goal\": \"BALANCE\", \"timeLimitSeconds\": -5}");
        assertThat(negative.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(negative.getResponse().getBody(String.class).orElseThrow())
                .contains("\"field\":\"timeLimitSeconds\"").contains("-5");

        HttpClientResponseException wrongType = post("/api/plans", "{\"goal\": \"BALANCE\", \"timeLimitSeconds\": \"soon\"}");
        assertThat(wrongType.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(wrongType.getResponse().getBody(String.class).orElseThrow()).contains("timeLimitSeconds");

        HttpClientResponseException unknownPlan = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/api/plans/no-such-plan/execute", "").bearerAuth("operator-token"), String.class));
        assertThat(unknownPlan.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());

        List<?> plans = client.toBlocking().retrieve(HttpRequest.GET("/api/plans"), Argument.listOf(Map.class));
        assertThat(plans).isEmpty();
        assertThat(cluster.snapshot().placement()).isEqualTo(placement);
    }
}
