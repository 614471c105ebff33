package dev.ballast.scheduler.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Where usage history lives: {@code store} is {@code memory} (the embedded default) or {@code influx}, with the
 * InfluxDB 1.x server's URL, database, credentials and retention.
 */
@ConfigurationProperties("ballast.metrics")
public record MetricsProperties(
        @Bindable(defaultValue = "memory") String store,
        @Bindable(defaultValue = "http://127.0.0.1:8086") String influxUrl,
        @Bindable(defaultValue = "ballast") String influxDatabase,
        @Nullable String influxUsername,
        @Nullable String influxPassword,
        @Bindable(defaultValue = "30d") Duration retention,
        @Bindable(defaultValue = "default") String cluster) {
}
