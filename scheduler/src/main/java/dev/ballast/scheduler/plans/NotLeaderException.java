package dev.ballast.scheduler.plans;

/** An action asked of an instance that does not lead its cluster now (answered 503: try the leader, or later). */
public final class NotLeaderException extends RuntimeException {
    public NotLeaderException(String message) {
        super(message);
    }
}
