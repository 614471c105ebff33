package dev.ballast.collectors.metrics;

/** A store could not answer a read (its server is down or refused the query); the message says which and why. */
public class MetricStoreUnavailableException extends RuntimeException {
    public MetricStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
