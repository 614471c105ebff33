package dev.ballast.scheduler.config;

import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.metrics.MetricStore;
import dev.ballast.collectors.metrics.MigrationRecord;
import dev.ballast.scheduler.cluster.Demand;
import dev.ballast.scheduler.cluster.DemandReader;
import dev.ballast.scheduler.cluster.HostLoad;
import dev.ballast.scheduler.cluster.PlacementLoads;
import dev.ballast.scheduler.plans.PlanService;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Writes what the Grafana dashboards show besides usage into the metric store: each VM's forecast and each host's
 * power state every {@code ballast.metrics.feed-interval}, and every finished migration as it ends.
 */
@Singleton
public class DashboardFeed implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardFeed.class);

    private final MetricStore store;
    private final DemandReader demand;
    private final PlacementLoads loads;
    private final PlanService plans;
    private final TaskScheduler scheduler;
    private final Duration interval;

    DashboardFeed(MetricStore store, DemandReader demand, PlacementLoads loads, PlanService plans,
                  @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                  @Value("${ballast.metrics.feed-interval:60s}") Duration interval) {
        this.store = store;
        this.demand = demand;
        this.loads = loads;
        this.plans = plans;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        plans.onStep(this::migration);
        PeriodicTask.schedule(scheduler, interval, LOG, "dashboard feed (ballast.metrics.feed-interval)", this::feed);
    }

    /** One round: every VM's forecast and every host's state, at the cluster's time (by the leader alone, with several instances). */
    public void feed() {
        if (!plans.acting()) {
            return;
        }
        Demand d = demand.read();
        ClusterSnapshot c = d.cluster();
        Instant at = c.takenAt();
        for (Vm vm : c.vms()) {
            store.writeVmForecast(vm.id(), vm.host(), new UsageSample(at, d.forecast().getOrDefault(vm.id(), vm.size())));
        }
        List<HostLoad> now = loads.loads(c.hosts(), c.vms(), c.placement(), d.usage(), Set.of());
        for (HostLoad l : now) {
            store.writeHostState(l.host().id(), at, l.state().name(), l.watts());
        }
    }

    private void migration(StepOutcome outcome) {
        if (outcome.step() instanceof LiveMigrate m && outcome.finishedAt() != null
                && (outcome.status() == StepStatus.SUCCEEDED || outcome.status() == StepStatus.FAILED)) {
            double seconds = outcome.startedAt() == null ? 0 : Duration.between(outcome.startedAt(), outcome.finishedAt()).toMillis() / 1000.0;
            store.writeMigration(new MigrationRecord(outcome.finishedAt(), m.vm(), m.source(), m.target(), m.memoryMib(), seconds,
                    outcome.status().name()));
        }
    }
}
