package dev.ballast.predictors.forecast;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A regular series ready for an {@link Estimator}: one finite, non-negative value per interval, oldest first,
 * ending at the newest valid sample. Empty when no sample was valid.
 *
 * @param reachedOldest whether cleaning walked back through every reading it was given (so older readings, had
 *                      they been given, could have changed the result)
 */
public record CleanSeries(double[] values, Instant newestAt, CleaningReport report, boolean reachedOldest) {
    public CleanSeries {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(report, "cleaning report");
        if (values.length > 0 && newestAt == null) {
            throw new IllegalArgumentException("a non-empty series needs the time of its newest sample");
        }
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    public Optional<Instant> newest() {
        return Optional.ofNullable(newestAt);
    }
}
