package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.scheduler.api.ApiViews.ClusterView;
import dev.ballast.scheduler.api.ApiViews.HostView;
import dev.ballast.scheduler.api.ApiViews.VmView;
import dev.ballast.scheduler.cluster.ClusterKpis;
import dev.ballast.scheduler.cluster.Demand;
import dev.ballast.scheduler.cluster.HostLoad;
import dev.ballast.scheduler.plans.PlanRecord;
import dev.ballast.scheduler.plans.PlanReports;
import dev.ballast.scheduler.plans.PlanViews.PlanSummary;
import dev.ballast.scheduler.plans.PlanViews.PlanView;

import java.util.ArrayList;
import java.util.List;

import static dev.ballast.scheduler.plans.PlanReports.round;

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
        return new ClusterView(demand.cluster().takenAt(), PlanReports.kpis(kpis), hosts, vms);
    }

    static PlanView plan(PlanRecord record) {
        return record.view();
    }

    static PlanSummary summary(PlanRecord record) {
        PlanView v = record.view();
        return new PlanSummary(v.id(), v.goal(), v.status(), v.createdAt(), v.steps().size(), v.before().poweredOnHosts(),
                v.after().poweredOnHosts());
    }
}
