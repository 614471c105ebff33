package dev.ballast.scheduler.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits and defaults for plans; see {@link dev.ballast.scheduler.planning.PlanningSettings} for their meaning.
 * {@code standingRulesFile} names a JSON file of rules and placement policies every plan respects.
 */
@ConfigurationProperties("ballast.planning")
public record PlanningProperties(
        @Bindable(defaultValue = "0.85") double cpuHotThreshold,
        @Bindable(defaultValue = "4.0") double vcpuOvercommit,
        @Bindable(defaultValue = "0.95") double memoryLimit,
        @Bindable(defaultValue = "128") double linkMibPerSecond,
        @Bindable(defaultValue = "0.01") double minimumImprovement,
        @Bindable(defaultValue = "10") int defaultTimeLimitSeconds,
        @Bindable(defaultValue = "48") int forecastWindow,
        @Bindable(defaultValue = "2") int perHostIncoming,
        @Bindable(defaultValue = "2") int perHostOutgoing,
        @Bindable(defaultValue = "5") int globalMigrations,
        @Bindable(defaultValue = "1") int spareHosts,
        @Bindable(defaultValue = "30m") java.time.Duration migrationCooldown,
        @Bindable(defaultValue = "15m") java.time.Duration planTtl,
        @Bindable(defaultValue = "0.05") double placementTolerance,
        @io.micronaut.core.annotation.Nullable String standingRulesFile) {
}
