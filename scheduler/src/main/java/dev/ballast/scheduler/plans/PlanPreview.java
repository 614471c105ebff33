package dev.ballast.scheduler.plans;

import dev.ballast.actuators.plan.Plan;
import dev.ballast.scheduler.cluster.ClusterKpis;
import dev.ballast.scheduler.cluster.HostLoad;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.planning.PlacementResult;
import dev.ballast.scheduler.sequencing.SequencedPlan;

import java.time.Instant;
import java.util.List;

/** A proposed plan as computed: the steps, the cluster before and after, and the solver's explanation. */
public record PlanPreview(Plan plan, Goal goal, Instant createdAt, ClusterKpis before, ClusterKpis after,
                          List<HostLoad> hostsBefore, List<HostLoad> hostsAfter, SequencedPlan sequence,
                          PlacementResult placement) {
}
