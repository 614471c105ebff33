package dev.ballast.scheduler.plans;

import java.time.LocalDate;

/**
 * What the autopilot must not forget across a restart or a failover: its mode, the nights it has consolidated and
 * woken, and whether the morning rebalance is still due. Without it a new leader would consolidate the same night
 * twice.
 */
public record AutopilotMemory(String mode, LocalDate consolidatedNight, LocalDate wokenNight, boolean rebalanceDue) {
}
