package dev.ballast.scheduler.autopilot;

import java.time.Duration;

/**
 * How the autopilot works: how long it may solve, how many migrations it may start per hour, and after how long
 * without fresh metrics it pauses itself.
 */
public record AutopilotSettings(Duration solveTime, int migrationsPerHour, Duration staleAfter) {
    public AutopilotSettings {
        if (solveTime == null || solveTime.isNegative() || solveTime.isZero()) {
            throw new IllegalArgumentException("autopilot solve time must be positive, was " + solveTime);
        }
        if (migrationsPerHour < 0) {
            throw new IllegalArgumentException("migrations per hour must be >= 0, was " + migrationsPerHour);
        }
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive, was " + staleAfter);
        }
    }
}
