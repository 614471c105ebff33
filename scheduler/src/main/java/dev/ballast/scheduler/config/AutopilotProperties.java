package dev.ballast.scheduler.config;

import dev.ballast.scheduler.autopilot.AutopilotMode;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The autopilot: its mode at start, how often it looks (0 = only when asked), its solve time, hourly migration
 * budget, metric staleness limit, and the nightly window ({@code nightly-start}/{@code nightly-end} as HH:mm in
 * {@code zone}, hosts woken {@code wake-lead} before the end, {@code nightly-spare-hosts} hosts' worth kept free).
 */
@ConfigurationProperties("ballast.autopilot")
public record AutopilotProperties(
        @Bindable(defaultValue = "RECOMMEND") AutopilotMode mode,
        @Bindable(defaultValue = "60s") Duration interval,
        @Bindable(defaultValue = "5s") Duration solveTime,
        @Bindable(defaultValue = "20") int migrationsPerHour,
        @Bindable(defaultValue = "30m") Duration staleAfter,
        @Bindable(defaultValue = "true") boolean nightly,
        @Bindable(defaultValue = "22:00") String nightlyStart,
        @Bindable(defaultValue = "06:00") String nightlyEnd,
        @Bindable(defaultValue = "30m") Duration wakeLead,
        @Bindable(defaultValue = "UTC") String zone,
        @Bindable(defaultValue = "1") int nightlySpareHosts) {
}
