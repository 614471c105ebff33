package dev.ballast.scheduler.plans;

import dev.ballast.scheduler.plans.PlanViews.AuditEntry;
import dev.ballast.scheduler.plans.PlanViews.Decision;
import dev.ballast.scheduler.plans.PlanViews.StoredPlan;

import java.util.List;

/** Where plans, the audit log and the autopilot's decisions outlive a restart. */
public interface PlanStore {
    void save(StoredPlan plan);

    List<StoredPlan> loadPlans();

    void append(AuditEntry entry);

    List<AuditEntry> audit(int newest);

    void append(Decision decision);

    List<Decision> decisions(int newest);
}
