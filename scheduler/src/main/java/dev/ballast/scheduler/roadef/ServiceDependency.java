package dev.ballast.scheduler.roadef;

/** A problem fact for the constraint streams: {@code dependent} needs {@code dependency} in each of its neighborhoods. */
public record ServiceDependency(RoadefService dependent, RoadefService dependency) {
}
