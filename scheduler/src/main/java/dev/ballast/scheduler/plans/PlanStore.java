package dev.ballast.scheduler.plans;

import dev.ballast.scheduler.plans.PlanViews.AuditEntry;
import dev.ballast.scheduler.plans.PlanViews.Decision;
import dev.ballast.scheduler.plans.PlanViews.StoredPlan;

import java.util.List;
import java.util.Optional;

/**
 * Where one cluster's plans, audit log, autopilot decisions and memory outlive a restart, and where several
 * instances find them. Writes only a leader may make are fenced: a stale leader's are refused with
 * {@link StaleLeaderException}.
 */
public interface PlanStore {
    /** Stores a new plan (a preview: any instance may make one). */
    void create(StoredPlan plan);

    /** Stores a plan's new state; fenced. */
    void save(StoredPlan plan);

    List<StoredPlan> loadPlans();

    Optional<StoredPlan> load(String id);

    void append(AuditEntry entry);

    List<AuditEntry> audit(int newest);

    /** Records an autopilot decision; fenced. */
    void append(Decision decision);

    List<Decision> decisions(int newest);

    Optional<AutopilotMemory> autopilotMemory();

    /** Fenced. */
    void remember(AutopilotMemory memory);
}
