package dev.ballast.scheduler.api;

import dev.ballast.scheduler.plans.PlanViews.Kpis;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the cluster and error answers (plans have theirs in PlanViews). */
final class ApiViews {
    private ApiViews() {
    }

    @Serdeable
    record ClusterView(Instant observedAt, Kpis summary, List<HostView> hosts, List<VmView> vms) {
    }

    @Serdeable
    record HostView(String id, String state, double cpuCores, double memoryMib, int vmCount, double cpuUsed,
                    double memoryUsedMib, double cpuUtilization, double memoryUtilization, double forecastCpuUtilization,
                    double forecastMemoryUtilization, String spot, double skewness, double temperature, double watts,
                    Map<String, String> labels) {
    }

    @Serdeable
    record VmView(String id, String host, double vcpus, double memoryMib, double cpuUsed, double memoryUsedMib,
                  double forecastCpu, double forecastMemoryMib) {
    }

    /** RFC 9457 problem details, with the request field at fault where there is one. */
    @Serdeable
    record Problem(String type, String title, int status, String detail, @Nullable String field) {
    }
}
