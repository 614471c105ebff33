package dev.ballast.scheduler.config;

import dev.ballast.actuators.execution.HypervisorDriver;
import dev.ballast.actuators.simulation.SimulatedHypervisor;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.metrics.MetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import dev.ballast.predictors.forecast.DemandForecaster;
import dev.ballast.predictors.hotspot.SpotClassifier;
import dev.ballast.predictors.hotspot.SpotThresholds;
import dev.ballast.scheduler.cluster.ClusterInventory;
import dev.ballast.scheduler.cluster.DemandReader;
import dev.ballast.scheduler.cluster.PlacementLoads;
import dev.ballast.scheduler.planning.PlacementPlanner;
import dev.ballast.scheduler.planning.PlacementProblemBuilder;
import dev.ballast.scheduler.planning.PlanningSettings;
import dev.ballast.scheduler.plans.PlanService;
import dev.ballast.scheduler.sequencing.MigrationSequencer;
import dev.ballast.scheduler.sequencing.SequencingLimits;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import dev.ballast.collectors.influx.InfluxMetricStore;
import dev.ballast.collectors.influx.InfluxSettings;
import dev.ballast.scheduler.api.StandingRulesFile;
import dev.ballast.scheduler.ha.HaProperties;
import dev.ballast.scheduler.planning.StandingRules;
import dev.ballast.scheduler.plans.Database;
import dev.ballast.scheduler.plans.JdbcJournal;
import dev.ballast.scheduler.plans.JdbcPlanStore;
import dev.ballast.scheduler.plans.Leadership;
import dev.ballast.scheduler.plans.WriteFence;
import dev.ballast.scheduler.plans.PlanLifecycle;
import dev.ballast.scheduler.plans.PlanStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the framework-free parts of Ballast into beans. The embedded default is a simulated cluster with in-memory
 * metrics: the same planner, sequencer and executor run against it as against real hosts.
 */
@Factory
class SchedulerFactory {

    @Singleton
    MetricStore metricStore(MetricsProperties p) {
        return switch (p.store().toLowerCase(java.util.Locale.ROOT)) {
            case "memory" -> new InMemoryMetricStore();
            case "influx" -> {
                InfluxSettings influx = InfluxSettings.of(p.influxUrl()).withDatabase(p.influxDatabase()).withCluster(p.cluster())
                        .withRetention(InfluxSettings.DEFAULT_RETENTION_POLICY, p.retention());
                if (p.influxUsername() != null) {
                    influx = influx.withCredentials(p.influxUsername(), p.influxPassword() == null ? "" : p.influxPassword());
                }
                yield new InfluxMetricStore(influx);
            }
            default -> throw new IllegalArgumentException("ballast.metrics.store must be memory or influx, was '" + p.store() + "'");
        };
    }

    @Singleton
    @Requires(property = "ballast.cluster.mode", value = "simulated", defaultValue = "simulated")
    SimulatedCluster simulatedCluster(SimulationProperties sim, MetricStore store) {
        SimulatedClusterSpec d = SimulatedClusterSpec.defaults().withSize(sim.hosts(), sim.vms()).withSeed(sim.seed());
        SimulatedClusterSpec spec = sim.start() == null ? d
                : new SimulatedClusterSpec(d.hosts(), d.vms(), d.seed(), d.hostCapacity(), d.hostPower(), d.interval(), sim.start());
        SimulatedCluster cluster = SimulatedCluster.generate(spec, store);
        cluster.record();
        cluster.advance(sim.warmupIntervals());
        return cluster;
    }

    @Singleton
    @Requires(property = "ballast.cluster.mode", value = "simulated", defaultValue = "simulated")
    ClusterInventory inventory(SimulatedCluster cluster) {
        return cluster::snapshot;
    }

    @Singleton
    @Requires(property = "ballast.cluster.mode", value = "simulated", defaultValue = "simulated")
    HypervisorDriver hypervisorDriver(SimulatedCluster cluster, SimulationProperties sim) {
        return new SimulatedHypervisor(cluster, sim.migrationMibPerSecond(), sim.realSecondsPerSimulatedSecond());
    }

    @Singleton
    PlanningSettings planningSettings(PlanningProperties p) {
        return new PlanningSettings(p.cpuHotThreshold(), p.vcpuOvercommit(), p.memoryLimit(), p.linkMibPerSecond(),
                p.minimumImprovement());
    }

    @Singleton
    DemandForecaster demandForecaster(MetricStore store, PlanningProperties p) {
        return new DemandForecaster(store, p.forecastWindow());
    }

    @Singleton
    SpotClassifier spotClassifier(SpotProperties p) {
        return new SpotClassifier(new SpotThresholds(p.hotCpu(), p.hotMemory(), p.warm(), p.cold(), p.green()));
    }

    @Singleton
    PlacementLoads placementLoads(SpotClassifier classifier) {
        return new PlacementLoads(classifier);
    }

    @Singleton
    DemandReader demandReader(ClusterInventory inventory, MetricStore store, DemandForecaster forecaster) {
        return new DemandReader(inventory, store, forecaster);
    }

    @Singleton
    PlacementPlanner placementPlanner(PlanningSettings settings) {
        return new PlacementPlanner(settings);
    }

    @Singleton
    PlacementProblemBuilder problemBuilder(PlanningSettings settings) {
        return new PlacementProblemBuilder(settings);
    }

    @Singleton
    MigrationSequencer sequencer(PlanningProperties p) {
        return new MigrationSequencer(new SequencingLimits(p.perHostIncoming(), p.perHostOutgoing(), p.globalMigrations()));
    }

    @Singleton
    @Named("plan-executions")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService planExecutions() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ballast-plan-execution");
            t.setDaemon(true);
            return t;
        });
    }

    @Singleton
    Database database(StoreProperties store, HaProperties ha) {
        if (ha.enabled() && store.url().startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("ballast.ha.enabled needs a database every instance shares (PostgreSQL, "
                    + "jdbc:postgresql://...); ballast.store.url is '" + store.url() + "'");
        }
        return Database.open(store.url(), store.username(), store.password());
    }

    /** A single instance has no rival: its writes need no fence (several instances: the leader epochs fence them). */
    @Singleton
    @Requires(property = "ballast.ha.enabled", notEquals = "true")
    WriteFence noFence() {
        return WriteFence.NONE;
    }

    @Singleton
    @Requires(property = "ballast.ha.enabled", notEquals = "true")
    Leadership alone() {
        return Leadership.ALONE;
    }

    @Singleton
    PlanStore planStore(Database db, ClusterProperties cluster, WriteFence fence, JsonMapper json) {
        return new JdbcPlanStore(db, cluster.name(), fence, json);
    }

    @Singleton
    JdbcJournal executionJournal(Database db, ClusterProperties cluster, WriteFence fence) {
        return new JdbcJournal(db, cluster.name(), fence);
    }

    @Singleton
    PlanLifecycle planLifecycle(PlanningProperties planning) {
        return new PlanLifecycle(planning.planTtl(), planning.placementTolerance(), planning.migrationCooldown());
    }

    @Singleton
    StandingRules standingRules(PlanningProperties p, JsonMapper json) {
        return p.standingRulesFile() == null || p.standingRulesFile().isBlank() ? StandingRules.NONE
                : StandingRulesFile.read(java.nio.file.Path.of(p.standingRulesFile()), json);
    }

    @Singleton
    PlanService planService(DemandReader demandReader, PlacementProblemBuilder builder, PlacementPlanner planner,
                            MigrationSequencer sequencer, PlacementLoads loads, HypervisorDriver driver, PlanStore store,
                            PlanLifecycle lifecycle, PlanningSettings settings, MeterRegistry meters,
                            @Named("plan-executions") ExecutorService executions, JdbcJournal journal, Leadership leadership,
                            HaProperties ha, StandingRules standing) {
        return new PlanService(demandReader, builder, planner, sequencer, loads, driver, executions, Clock.systemUTC(),
                store, lifecycle, settings, meters, journal, leadership, ha.enabled(), standing);
    }
}
