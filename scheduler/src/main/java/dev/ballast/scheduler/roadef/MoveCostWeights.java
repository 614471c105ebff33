package dev.ballast.scheduler.roadef;

/** Weights of the three move costs in the objective. */
public record MoveCostWeights(long processMove, long serviceMove, long machineMove) {
}
