package dev.ballast.scheduler.autopilot;

import dev.ballast.actuators.simulation.SimulatedHypervisor;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import dev.ballast.predictors.forecast.DemandForecaster;
import dev.ballast.predictors.hotspot.SpotClassifier;
import dev.ballast.predictors.hotspot.SpotThresholds;
import dev.ballast.scheduler.cluster.DemandReader;
import dev.ballast.scheduler.cluster.PlacementLoads;
import dev.ballast.scheduler.planning.PlacementPlanner;
import dev.ballast.scheduler.planning.PlacementProblemBuilder;
import dev.ballast.scheduler.planning.PlanningSettings;
import dev.ballast.scheduler.plans.Database;
import dev.ballast.scheduler.plans.JdbcJournal;
import dev.ballast.scheduler.plans.JdbcPlanStore;
import dev.ballast.scheduler.plans.Leadership;
import dev.ballast.scheduler.plans.WriteFence;
import dev.ballast.scheduler.plans.PlanLifecycle;
import dev.ballast.scheduler.plans.PlanService;
import dev.ballast.scheduler.plans.PlanViews.Decision;
import dev.ballast.scheduler.sequencing.MigrationSequencer;
import dev.ballast.scheduler.sequencing.SequencingLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The autopilot pauses itself, and says so, when the newest usage sample is older than its limit. */
class StaleMetricsTest {
    @Test
    void pausesWhenMetricsAreStale() {
        InMemoryMetricStore store = new InMemoryMetricStore();
        SimulatedCluster cluster = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(4, 12), store);
        cluster.record();
        cluster.advance(12);
        // The inventory says it is two hours later, but no sample has come in since: the collector has stopped.
        DemandReader reader = new DemandReader(() -> {
            ClusterSnapshot s = cluster.snapshot();
            return new ClusterSnapshot(s.takenAt().plus(Duration.ofHours(2)), s.hosts(), s.vms());
        }, store, new DemandForecaster(store, 12));
        try (ApplicationContext context = ApplicationContext.run()) {
            PlanningSettings settings = PlanningSettings.defaults();
            PlacementLoads loads = new PlacementLoads(new SpotClassifier(SpotThresholds.defaults()));
            Database db = Database.open("jdbc:h2:mem:stale;DB_CLOSE_DELAY=-1", "sa", "");
            PlanService plans = new PlanService(reader, new PlacementProblemBuilder(settings), new PlacementPlanner(settings),
                    new MigrationSequencer(SequencingLimits.defaults()), loads, new SimulatedHypervisor(cluster, 128, 0),
                    Executors.newSingleThreadExecutor(), Clock.systemUTC(),
                    new JdbcPlanStore(db, "default", WriteFence.NONE, context.getBean(JsonMapper.class)),
                    new PlanLifecycle(Duration.ofMinutes(15), 0.05, Duration.ofMinutes(30)), settings, new SimpleMeterRegistry(),
                    new JdbcJournal(db, "default", WriteFence.NONE), Leadership.ALONE, false,
                    dev.ballast.scheduler.planning.StandingRules.NONE);
            Autopilot autopilot = new Autopilot(plans, reader, loads, new AutopilotSettings(Duration.ofSeconds(1), 10, Duration.ofMinutes(30)),
                    new NightlyWindow(false, LocalTime.of(22, 0), LocalTime.of(6, 0), Duration.ofMinutes(30), ZoneOffset.UTC, 1),
                    1, AutopilotMode.AUTO, Clock.systemUTC());
            Decision d = autopilot.tick();
            assertThat(d.action()).isEqualTo("pause");
            assertThat(d.reason()).contains("stale").contains("PT2H");
            assertThat(plans.all()).isEmpty();
        }
    }
}
