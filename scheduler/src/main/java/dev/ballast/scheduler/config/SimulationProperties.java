package dev.ballast.scheduler.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Duration;

/**
 * The embedded simulated cluster: its size and seed, how much history it makes up at start (so forecasts have
 * data), how often one simulated interval passes in real time (0 stops the clock), the migration link rate, and
 * how much real time a simulated second of migration takes (0 = instant), and the simulated start instant (by default
 * 2026-01-05T00:00Z; a metric store with a retention policy drops points older than it keeps).
 */
@ConfigurationProperties("ballast.simulation")
public record SimulationProperties(
        @Bindable(defaultValue = "20") @Min(1) int hosts,
        @Bindable(defaultValue = "150") @Min(0) int vms,
        @Bindable(defaultValue = "42") long seed,
        @Bindable(defaultValue = "288") @PositiveOrZero int warmupIntervals,
        @Bindable(defaultValue = "10s") Duration tick,
        @Bindable(defaultValue = "128") double migrationMibPerSecond,
        @Bindable(defaultValue = "0.01") @PositiveOrZero double realSecondsPerSimulatedSecond,
        @io.micronaut.core.annotation.Nullable java.time.Instant start) {
}
