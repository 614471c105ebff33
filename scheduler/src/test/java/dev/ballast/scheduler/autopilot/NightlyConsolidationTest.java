package dev.ballast.scheduler.autopilot;

import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.simulation.SimulatedCluster;
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
import java.time.LocalTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly window on the simulated cluster, in AUTO mode: at midnight (cluster time) it consolidates and powers
 * emptied hosts off; at 05:30, half an hour before the window ends, it wakes every host; then it rebalances.
 */
@MicronautTest
@Property(name = "ballast.simulation.tick", value = "0s")
@Property(name = "ballast.simulation.real-seconds-per-simulated-second", value = "0")
@Property(name = "ballast.autopilot.mode", value = "AUTO")
@Property(name = "ballast.autopilot.solve-time", value = "5s")
@Property(name = "ballast.autopilot.nightly-start", value = "22:00")
@Property(name = "ballast.autopilot.nightly-end", value = "06:00")
@Property(name = "ballast.autopilot.wake-lead", value = "30m")
class NightlyConsolidationTest {
    @Inject
    Autopilot autopilot;

    @Inject
    SimulatedCluster cluster;

    @Inject
    PlanService plans;

    @Test
    void consolidatesAtNightWakesBeforeTheMorningAndRebalances() throws InterruptedException {
        // The simulated cluster starts at 2026-01-05T00:00Z and makes up a day of history: it is now midnight.
        assertThat(LocalTime.ofInstant(cluster.now(), ZoneOffset.UTC)).isEqualTo(LocalTime.MIDNIGHT);
        long onBefore = cluster.snapshot().hosts().stream().filter(h -> h.state() == HostState.ON).count();

        Decision night = autopilot.tick();
        assertThat(night.action()).as(night.reason()).isEqualTo("execute");
        assertThat(night.reason()).contains("nightly consolidation");
        assertThat(awaitEnd(night.planId()).status()).isEqualTo(PlanStatus.SUCCEEDED);
        long onAtNight = cluster.snapshot().hosts().stream().filter(h -> h.state() == HostState.ON).count();
        assertThat(onAtNight).isLessThan(onBefore);

        Decision again = autopilot.tick();
        assertThat(again.action()).isEqualTo("nothing");
        assertThat(again.reason()).contains("consolidated already");

        cluster.advance(66); // 05:30, the wake time
        Decision wake = autopilot.tick();
        assertThat(wake.action()).as(wake.reason()).isEqualTo("execute");
        assertThat(wake.reason()).contains("before the window ends");
        assertThat(awaitEnd(wake.planId()).status()).isEqualTo(PlanStatus.SUCCEEDED);
        assertThat(cluster.snapshot().hosts()).allSatisfy(h -> assertThat(h.state()).isEqualTo(HostState.ON));

        Decision rebalance = autopilot.tick();
        assertThat(rebalance.reason()).contains("rebalance after the morning wake");
        if (rebalance.planId() != null && rebalance.action().equals("execute")) {
            assertThat(awaitEnd(rebalance.planId()).status()).isEqualTo(PlanStatus.SUCCEEDED);
        }
        assertThat(plans.decisions(10)).extracting(Decision::action).contains("execute");
    }

    private PlanRecord awaitEnd(String id) throws InterruptedException {
        return PlanAwait.end(plans, id);
    }
}
