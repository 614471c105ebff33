package dev.ballast.scheduler.plans;

/** A write by an instance that is no longer its cluster's leader: refused, nothing was written. */
public final class StaleLeaderException extends IllegalStateException {
    public StaleLeaderException(String message) {
        super(message);
    }
}
