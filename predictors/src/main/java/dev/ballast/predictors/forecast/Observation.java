package dev.ballast.predictors.forecast;

import java.time.Instant;
import java.util.Objects;

/** One raw reading of one resource as a collector delivered it: the value may be NaN, negative or late. */
public record Observation(Instant at, double value) {
    public Observation {
        Objects.requireNonNull(at, "observation time");
    }
}
