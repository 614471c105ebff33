package dev.ballast.scheduler.ha;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** ZooKeeper in /health: DOWN while it is out of reach (this instance then serves reads but cannot act). */
@Singleton
@Requires(property = "ballast.ha.enabled", value = "true")
final class CoordinationHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final ClusterLeadership leadership;

    CoordinationHealthIndicator(ClusterLeadership leadership) {
        this.leadership = leadership;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean connected = leadership.connected();
        healthStatus = connected ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cluster", leadership.cluster());
        details.put("instance", leadership.instance());
        details.put("zookeeper", connected ? "connected" : "out of reach");
        details.put("acting", leadership.acting());
        details.put("leader", leadership.leader().map(ClusterLeadership.Leader::instance).orElse("none"));
        return details;
    }

    @Override
    public String getName() {
        return "coordination";
    }
}
