package dev.ballast.scheduler.plans;

import dev.ballast.scheduler.cluster.ClusterKpis;
import dev.ballast.scheduler.cluster.HostLoad;
import dev.ballast.scheduler.planning.ConstraintScore;
import dev.ballast.scheduler.planning.PlacementResult;
import dev.ballast.scheduler.plans.PlanViews.ConstraintView;
import dev.ballast.scheduler.plans.PlanViews.HostChange;
import dev.ballast.scheduler.plans.PlanViews.Kpis;
import dev.ballast.scheduler.plans.PlanViews.PlanReport;
import dev.ballast.scheduler.plans.PlanViews.ScoreView;
import dev.ballast.scheduler.sequencing.SequencedPlan;

import java.util.ArrayList;
import java.util.List;

/** Turns a preview's computed values into the plan's report (rounded for people to read). */
public final class PlanReports {
    private PlanReports() {
    }

    public static Kpis kpis(ClusterKpis k) {
        return new Kpis(k.poweredOnHosts(), k.hosts(), k.vms(), round(k.maxCpuUtilization()), round(k.meanCpuUtilization()),
                round(k.maxMemoryUtilization()), round(k.meanMemoryUtilization()), round(k.meanSkewness()),
                round(k.estimatedPowerWatts()), round(k.energyPerDayKwh()), k.hotSpots(), k.coldSpots());
    }

    /** Host by host, before and after (the two lists cover the same hosts in the same order). */
    static List<HostChange> hostChanges(List<HostLoad> hostsBefore, List<HostLoad> hostsAfter) {
        List<HostChange> hosts = new ArrayList<>();
        for (int i = 0; i < hostsBefore.size(); i++) {
            HostLoad b = hostsBefore.get(i);
            HostLoad a = hostsAfter.get(i);
            hosts.add(new HostChange(b.host().id().value(), b.state().name(), a.state().name(), b.vms(), a.vms(),
                    round(b.utilization().cpu()), round(a.utilization().cpu()), round(b.utilization().memory()),
                    round(a.utilization().memory())));
        }
        return hosts;
    }

    static PlanReport report(ClusterKpis before, ClusterKpis after, List<HostLoad> hostsBefore, List<HostLoad> hostsAfter,
                             PlacementResult result, SequencedPlan sequence) {
        List<HostChange> hosts = hostChanges(hostsBefore, hostsAfter);
        ScoreView score = new ScoreView(result.scoreBefore().toString(), result.scoreAfter().toString(), result.improved(),
                result.feasible(), result.solveMillis(), result.constraints().stream().map(PlanReports::constraint).toList(),
                result.broken().stream().map(PlanReports::constraint).toList());
        return new PlanReport(kpis(before), kpis(after), hosts, score, sequence.unresolved());
    }

    private static ConstraintView constraint(ConstraintScore c) {
        return new ConstraintView(c.constraint(), c.before().toString(), c.after().toString(), c.change().toString(),
                c.matchesBefore(), c.matchesAfter(), c.justifications());
    }

    public static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
