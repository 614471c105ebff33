package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.scheduler.api.ApiViews.ClusterView;
import dev.ballast.scheduler.cluster.Demand;
import dev.ballast.scheduler.cluster.DemandReader;
import dev.ballast.scheduler.cluster.HostLoad;
import dev.ballast.scheduler.cluster.PlacementLoads;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import dev.ballast.scheduler.security.Roles;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Set;

/** The cluster as Ballast sees it: hosts, VMs, current and forecast utilization, hot and cold spots. */
@Controller("/api/cluster")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.VIEWER)
class ClusterController {
    private final DemandReader demandReader;
    private final PlacementLoads placementLoads;

    ClusterController(DemandReader demandReader, PlacementLoads placementLoads) {
        this.demandReader = demandReader;
        this.placementLoads = placementLoads;
    }

    @Get
    ClusterView cluster() {
        Demand demand = demandReader.read();
        ClusterSnapshot c = demand.cluster();
        List<HostLoad> usage = placementLoads.loads(c.hosts(), c.vms(), c.placement(), demand.usage(), Set.of());
        List<HostLoad> forecast = placementLoads.loads(c.hosts(), c.vms(), c.placement(), demand.forecast(), Set.of());
        return ApiMapper.cluster(demand, usage, forecast, placementLoads.kpis(usage));
    }
}
