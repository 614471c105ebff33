package dev.ballast.scheduler.roadef;

/**
 * A resource of the challenge (CPU, RAM, disk...). A transient resource stays held on the original machine while a
 * process moves away (what a live migration holds on both hosts); {@code loadCostWeight} prices usage above the
 * safety capacity.
 */
public record RoadefResource(int index, boolean transientUsage, long loadCostWeight) {
}
