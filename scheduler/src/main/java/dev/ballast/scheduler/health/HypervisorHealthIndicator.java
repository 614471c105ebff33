package dev.ballast.scheduler.health;

import dev.ballast.actuators.execution.HypervisorDriver;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/** The hypervisor connection in /health: UP when the driver can report the cluster, DOWN with the error otherwise. */
@Singleton
class HypervisorHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final HypervisorDriver driver;

    HypervisorHealthIndicator(HypervisorDriver driver) {
        this.driver = driver;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try {
            ClusterSnapshot s = driver.observe();
            healthStatus = HealthStatus.UP;
            return Map.of("driver", driver.getClass().getSimpleName(), "hosts", s.hosts().size(), "vms", s.vms().size());
        } catch (RuntimeException e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("driver", driver.getClass().getSimpleName(), "error", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public String getName() {
        return "hypervisors";
    }
}
