package dev.ballast.scheduler.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /api/plans}. The goal is a string so that an unknown one gets an error naming the field
 * and the valid goals, rather than a generic conversion failure.
 */
@Serdeable
public record PlanRequest(@Nullable String goal, @Nullable Integer timeLimitSeconds) {
}
