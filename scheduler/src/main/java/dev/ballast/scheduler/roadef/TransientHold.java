package dev.ballast.scheduler.roadef;

/** A process holding its resources on a machine: the one it runs on, and its original one while it moved away. */
public record TransientHold(RoadefMachine machine, RoadefProcess process) {
}
