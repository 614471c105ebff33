package dev.ballast.scheduler.autopilot;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.plans.PlanRecord;
import dev.ballast.scheduler.plans.PlanService;
import dev.ballast.scheduler.plans.PlanStatus;
import dev.ballast.scheduler.plans.PlanViews.Decision;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * By day, with a hot threshold low enough that the default cluster has hot spots: AUTO relieves them within the
 * hourly migration budget, marks the moved VMs as in cooldown, and once the budget is spent does nothing and says
 * why. RECOMMEND only proposes.
 */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
@Property(name = "ballast.simulation.real-seconds-per-simulated-second", value = "0")
@Property(name = "ballast.autopilot.mode", value = "RECOMMEND")
@Property(name = "ballast.autopilot.nightly", value = "false")
@Property(name = "ballast.autopilot.migrations-per-hour", value = "3")
@Property(name = "ballast.autopilot.solve-time", value = "2s")
@Property(name = "ballast.spots.hot-cpu", value = "0.3")
@Property(name = "ballast.spots.hot-memory", value = "0.35")
@Property(name = "ballast.spots.warm", value = "0.2")
@Property(name = "ballast.spots.cold", value = "0.1")
@Property(name = "ballast.spots.green", value = "0.15")
class AutopilotBudgetTest {
    @Inject
    Autopilot autopilot;

    @Inject
    PlanService plans;

    @Test
    void recommendsThenExecutesWithinTheHourlyBudgetAndKeepsMovedVmsInCooldown() throws InterruptedException {
        Decision recommended = autopilot.tick();
        assertThat(recommended.action()).as(recommended.reason()).isEqualTo("recommend");
        assertThat(recommended.reason()).contains("hot spots");
        assertThat(plans.get(recommended.planId()).status()).isEqualTo(PlanStatus.RECOMMENDED);

        autopilot.setMode(AutopilotMode.AUTO, "test");
        Decision executed = autopilot.tick();
        assertThat(executed.action()).as(executed.reason()).isEqualTo("execute");
        PlanRecord plan = awaitEnd(executed.planId());
        assertThat(plan.status()).isEqualTo(PlanStatus.SUCCEEDED);
        Set<VmId> moved = plan.plan().steps().stream().filter(s -> s instanceof LiveMigrate)
                .map(s -> ((LiveMigrate) s).vm()).collect(Collectors.toSet());
        assertThat(moved).hasSizeBetween(1, 3);
        assertThat(plans.recentlyMoved()).containsAll(moved);

        // Three migrations in the last hour: the budget is spent.
        if (moved.size() == 3) {
            Decision spent = autopilot.tick();
            assertThat(spent.action()).isEqualTo("nothing");
            assertThat(spent.reason()).contains("budget");
        }
        assertThat(plans.migrationsSince(Instant.now().minus(Duration.ofHours(1)))).isLessThanOrEqualTo(3);
    }

    private PlanRecord awaitEnd(String id) throws InterruptedException {
        return PlanAwait.end(plans, id);
    }
}
