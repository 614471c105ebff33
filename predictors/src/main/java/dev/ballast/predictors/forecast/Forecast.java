package dev.ballast.predictors.forecast;

import dev.ballast.collectors.cluster.Resources;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Expected demand of a VM (or host) for the next interval, with the history it was computed from. */
public record Forecast(Resources expected, Instant lastSampleAt, int samples) {
    public Forecast {
        Objects.requireNonNull(expected, "expected demand");
        Objects.requireNonNull(lastSampleAt, "last sample time");
        if (samples < 1) {
            throw new IllegalArgumentException("a forecast needs at least one sample, was " + samples);
        }
    }

    /** True when the newest sample behind this forecast is older than {@code maxAge} at {@code now}: act on it with care. */
    public boolean staleAt(Instant now, Duration maxAge) {
        return lastSampleAt.plus(maxAge).isBefore(now);
    }
}
