package dev.ballast.scheduler.roadef;

/**
 * A service: a group of processes that must run on distinct machines (anti-affinity), span at least
 * {@code spreadMin} locations (failure-domain spread), and share a neighborhood with every service it depends on.
 */
public record RoadefService(int index, int spreadMin, int[] dependencies) {
}
