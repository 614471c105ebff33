package dev.ballast.scheduler.api;

import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.scheduler.api.ApiViews.ClusterView;
import dev.ballast.scheduler.api.ApiViews.ConstraintView;
import dev.ballast.scheduler.api.ApiViews.HostChange;
import dev.ballast.scheduler.api.ApiViews.HostView;
import dev.ballast.scheduler.api.ApiViews.Kpis;
import dev.ballast.scheduler.api.ApiViews.PlanSummary;
import dev.ballast.scheduler.api.ApiViews.PlanView;
import dev.ballast.scheduler.api.ApiViews.ScoreView;
import dev.ballast.scheduler.api.ApiViews.StepView;
import dev.ballast.scheduler.api.ApiViews.VmView;
import dev.ballast.scheduler.cluster.ClusterKpis;
import dev.ballast.scheduler.cluster.Demand;
import dev.ballast.scheduler.cluster.HostLoad;
import dev.ballast.scheduler.planning.ConstraintScore;
import dev.ballast.scheduler.planning.PlacementResult;
import dev.ballast.scheduler.plans.PlanPreview;
import dev.ballast.scheduler.plans.PlanRecord;
import dev.ballast.scheduler.sequencing.SequencedStep;

import java.util.ArrayList;
import java.util.List;

/** Maps the scheduler's values to the API's JSON views. */
final class ApiMapper {
    private ApiMapper() {
    }

    static ClusterView cluster(Demand demand, List<HostLoad> usage, List<HostLoad> forecast, ClusterKpis kpis) {
        List<HostView> hosts = new ArrayList<>();
        for (int i = 0; i < usage.size(); i++) {
            HostLoad u = usage.get(i);
            HostLoad f = forecast.get(i);
            hosts.add(new HostView(u.host().id().value(), u.state().name(), u.host().capacity().cpu(),
                    u.host().capacity().memoryMib(), u.vms(), round(u.demand().cpu()), round(u.demand().memoryMib()),
                    round(u.utilization().cpu()), round(u.utilization().memory()), round(f.utilization().cpu()),
                    round(f.utilization().memory()), f.temperature().kind().name(), round(f.temperature().skewness()),
                    round(f.temperature().temperature()), round(u.watts()), u.host().labels()));
        }
        List<VmView> vms = new ArrayList<>();
        for (Vm vm : demand.cluster().vms()) {
            Resources used = demand.usage().getOrDefault(vm.id(), vm.size());
            Resources fc = demand.forecast().getOrDefault(vm.id(), vm.size());
            vms.add(new VmView(vm.id().value(), vm.host().value(), vm.size().cpu(), vm.size().memoryMib(),
                    round(used.cpu()), round(used.memoryMib()), round(fc.cpu()), round(fc.memoryMib())));
        }
        return new ClusterView(demand.cluster().takenAt(), kpis(kpis), hosts, vms);
    }

    static Kpis kpis(ClusterKpis k) {
        return new Kpis(k.poweredOnHosts(), k.hosts(), k.vms(), round(k.maxCpuUtilization()), round(k.meanCpuUtilization()),
                round(k.maxMemoryUtilization()), round(k.meanMemoryUtilization()), round(k.meanSkewness()),
                round(k.estimatedPowerWatts()), round(k.energyPerDayKwh()), k.hotSpots(), k.coldSpots());
    }

    static PlanView plan(PlanRecord record) {
        PlanPreview p = record.preview();
        List<StepOutcome> outcomes = record.outcomes();
        List<StepView> steps = new ArrayList<>();
        List<SequencedStep> sequenced = p.sequence().steps();
        for (int i = 0; i < sequenced.size(); i++) {
            steps.add(step(i, sequenced.get(i), outcomes.get(i)));
        }
        PlacementResult r = p.placement();
        ScoreView score = new ScoreView(r.scoreBefore().toString(), r.scoreAfter().toString(), r.improved(), r.feasible(),
                r.solveMillis(), r.constraints().stream().map(ApiMapper::constraint).toList(),
                r.broken().stream().map(ApiMapper::constraint).toList());
        List<HostChange> hosts = new ArrayList<>();
        for (int i = 0; i < p.hostsBefore().size(); i++) {
            HostLoad b = p.hostsBefore().get(i);
            HostLoad a = p.hostsAfter().get(i);
            hosts.add(new HostChange(b.host().id().value(), b.state().name(), a.state().name(), b.vms(), a.vms(),
                    round(b.utilization().cpu()), round(a.utilization().cpu()), round(b.utilization().memory()),
                    round(a.utilization().memory())));
        }
        int migrations = (int) p.plan().steps().stream().filter(s -> s instanceof LiveMigrate).count();
        return new PlanView(record.id(), p.goal().name(), record.status().name(), record.message(), p.createdAt(),
                kpis(p.before()), kpis(p.after()), migrations, p.sequence().waves(), steps, p.sequence().unresolved(),
                score, hosts);
    }

    private static ConstraintView constraint(ConstraintScore c) {
        return new ConstraintView(c.constraint(), c.before().toString(), c.after().toString(), c.change().toString(),
                c.matchesBefore(), c.matchesAfter(), c.justifications());
    }

    static PlanSummary summary(PlanRecord record) {
        PlanPreview p = record.preview();
        return new PlanSummary(record.id(), p.goal().name(), record.status().name(), p.createdAt(),
                p.plan().steps().size(), p.before().poweredOnHosts(), p.after().poweredOnHosts());
    }

    private static StepView step(int index, SequencedStep s, StepOutcome outcome) {
        PlanStep step = s.step();
        String status = outcome.status().name();
        return switch (step) {
            case LiveMigrate m -> new StepView(index, s.wave(), "LIVE_MIGRATE", m.vm().value(), m.source().value(),
                    m.target().value(), null, m.memoryMib(), m.describe(), m.reason(), status, outcome.message(),
                    outcome.startedAt(), outcome.finishedAt());
            case PowerOn on -> new StepView(index, s.wave(), "POWER_ON", null, null, null, host(on.host()), null,
                    on.describe(), on.reason(), status, outcome.message(), outcome.startedAt(), outcome.finishedAt());
            case PowerOff off -> new StepView(index, s.wave(), "POWER_OFF", null, null, null, host(off.host()), null,
                    off.describe(), off.reason(), status, outcome.message(), outcome.startedAt(), outcome.finishedAt());
        };
    }

    private static String host(HostId id) {
        return id.value();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
