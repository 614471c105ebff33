package dev.ballast.collectors.metrics;

import java.time.Instant;
import java.util.Objects;

/** Whether a metric store can currently persist and answer, why not when it cannot, and since when. */
public record StoreHealth(Status status, String reason, Instant since) {
    public enum Status { UP, DOWN }

    public StoreHealth {
        Objects.requireNonNull(status, "health status");
        Objects.requireNonNull(since, "health since");
        reason = reason == null ? "" : reason;
    }

    public static StoreHealth up(Instant since) {
        return new StoreHealth(Status.UP, "", since);
    }

    public static StoreHealth down(String reason, Instant since) {
        return new StoreHealth(Status.DOWN, reason, since);
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
