package dev.ballast.scheduler.health;

import dev.ballast.collectors.metrics.MetricStore;
import dev.ballast.collectors.metrics.StoreHealth;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/** The metric store in /health: DOWN with its reason when InfluxDB cannot be written. */
@Singleton
class MetricStoreHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final MetricStore store;

    MetricStoreHealthIndicator(MetricStore store) {
        this.store = store;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        StoreHealth h = store.health();
        healthStatus = h.isUp() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("store", store.getClass().getSimpleName(), "status", h.status().name(), "reason", h.reason(),
                "since", h.since().toString());
    }

    @Override
    public String getName() {
        return "metricStore";
    }
}
