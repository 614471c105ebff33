package dev.ballast.scheduler.plans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of a plan: what the API answers and what the plan store keeps. */
public final class PlanViews {
    private PlanViews() {
    }

    @Serdeable
    public record Kpis(int poweredOnHosts, int hosts, int vms, double maxCpuUtilization, double meanCpuUtilization,
                       double maxMemoryUtilization, double meanMemoryUtilization, double skewness, double estimatedPowerWatts,
                       double energyPerDayKwh, int hotSpots, int coldSpots) {
    }

    @Serdeable
    public record StepView(int index, int wave, String type, @Nullable String vm, @Nullable String source,
                           @Nullable String target, @Nullable String host, @Nullable Double memoryMib, String description,
                           String reason, String status, String message, @Nullable Instant startedAt,
                           @Nullable Instant finishedAt) {
    }

    @Serdeable
    public record ConstraintView(String constraint, String before, String after, String change, int matchesBefore,
                                 int matchesAfter, List<String> justifications) {
    }

    @Serdeable
    public record ScoreView(String before, String after, boolean improved, boolean feasible, long solveMillis,
                            List<ConstraintView> constraints, List<ConstraintView> broken) {
    }

    @Serdeable
    public record HostChange(String id, String stateBefore, String stateAfter, int vmsBefore, int vmsAfter,
                             double cpuUtilizationBefore, double cpuUtilizationAfter, double memoryUtilizationBefore,
                             double memoryUtilizationAfter) {
    }

    /** What a preview computed; it never changes after the preview. */
    @Serdeable
    public record PlanReport(Kpis before, Kpis after, List<HostChange> hosts, ScoreView score, List<String> unresolved) {
    }

    @Serdeable
    public record PlanView(String id, String goal, String status, String message, Instant createdAt,
                           @Nullable String approvedBy, @Nullable String executedBy, Kpis before, Kpis after,
                           int migrations, int waves, List<StepView> steps, List<String> unresolved, ScoreView score,
                           List<HostChange> hosts) {
    }

    /** A plan as the store keeps it: its view, the placement it was made for, and the cluster time it saw. */
    @Serdeable
    public record StoredPlan(PlanView view, Map<String, String> basis, Instant observedAt, Instant recordedAt) {
    }

    @Serdeable
    public record PlanSummary(String id, String goal, String status, Instant createdAt, int steps, int poweredOnBefore,
                              int poweredOnAfter) {
    }

    /** Who did what to which plan, for the audit log. */
    @Serdeable
    public record AuditEntry(Instant at, String who, String action, @Nullable String planId, String detail) {
    }

    /** One autopilot or nightly decision, including the decision to do nothing, with its reason. */
    @Serdeable
    public record Decision(Instant at, String source, String action, String reason, @Nullable String planId) {
    }
}
