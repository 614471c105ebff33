package dev.ballast.scheduler.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the HTTP API. */
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
                    java.util.Map<String, String> labels) {
    }

    @Serdeable
    record VmView(String id, String host, double vcpus, double memoryMib, double cpuUsed, double memoryUsedMib,
                  double forecastCpu, double forecastMemoryMib) {
    }

    @Serdeable
    record Kpis(int poweredOnHosts, int hosts, int vms, double maxCpuUtilization, double meanCpuUtilization,
                double maxMemoryUtilization, double meanMemoryUtilization, double skewness, double estimatedPowerWatts,
                double energyPerDayKwh, int hotSpots, int coldSpots) {
    }

    @Serdeable
    record StepView(int index, int wave, String type, @Nullable String vm, @Nullable String source,
                    @Nullable String target, @Nullable String host, @Nullable Double memoryMib, String description,
                    String reason, String status, String message, @Nullable Instant startedAt,
                    @Nullable Instant finishedAt) {
    }

    @Serdeable
    record ConstraintView(String constraint, String before, String after, String change, int matchesBefore,
                          int matchesAfter, List<String> justifications) {
    }

    @Serdeable
    record ScoreView(String before, String after, boolean improved, boolean feasible, long solveMillis,
                     List<ConstraintView> constraints, List<ConstraintView> broken) {
    }

    @Serdeable
    record HostChange(String id, String stateBefore, String stateAfter, int vmsBefore, int vmsAfter,
                      double cpuUtilizationBefore, double cpuUtilizationAfter, double memoryUtilizationBefore,
                      double memoryUtilizationAfter) {
    }

    @Serdeable
    record PlanView(String id, String goal, String status, String message, Instant createdAt, Kpis before, Kpis after,
                    int migrations, int waves, List<StepView> steps, List<String> unresolved, ScoreView score,
                    List<HostChange> hosts) {
    }

    @Serdeable
    record PlanSummary(String id, String goal, String status, Instant createdAt, int steps, int poweredOnBefore,
                       int poweredOnAfter) {
    }

    @Serdeable
    record ApiError(int status, String error, @Nullable String field, String message) {
    }
}
