package dev.ballast.scheduler.config;

import dev.ballast.scheduler.autopilot.Autopilot;
import dev.ballast.scheduler.autopilot.AutopilotSettings;
import dev.ballast.scheduler.autopilot.NightlyWindow;
import dev.ballast.scheduler.cluster.DemandReader;
import dev.ballast.scheduler.cluster.PlacementLoads;
import dev.ballast.scheduler.ha.HaProperties;
import dev.ballast.scheduler.plans.PlanService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Builds the autopilot from configuration and runs its loop at the configured interval. */
@Factory
class AutopilotFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AutopilotFactory.class);

    @Singleton
    Autopilot autopilot(PlanService plans, DemandReader demand, PlacementLoads loads, AutopilotProperties p, PlanningProperties planning,
                        HaProperties ha) {
        NightlyWindow window = new NightlyWindow(p.nightly(), time(p.nightlyStart(), "nightly-start"), time(p.nightlyEnd(), "nightly-end"),
                p.wakeLead(), ZoneId.of(p.zone()), p.nightlySpareHosts());
        Autopilot autopilot = new Autopilot(plans, demand, loads, new AutopilotSettings(p.solveTime(), p.migrationsPerHour(), p.staleAfter()),
                window, planning.spareHosts(), p.mode(), Clock.systemUTC());
        if (!ha.enabled()) {
            // a single instance remembers the nights it handled; it starts in its configured mode
            autopilot.recall(false);
        }
        return autopilot;
    }

    private static LocalTime time(String value, String setting) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ballast.autopilot." + setting + " must be HH:mm, was '" + value + "'", e);
        }
    }

    @Singleton
    static final class AutopilotLoop implements ApplicationEventListener<ServerStartupEvent> {
        private final Autopilot autopilot;
        private final AutopilotProperties properties;
        private final TaskScheduler scheduler;

        AutopilotLoop(Autopilot autopilot, AutopilotProperties properties, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
            this.autopilot = autopilot;
            this.properties = properties;
            this.scheduler = scheduler;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            if (PeriodicTask.schedule(scheduler, properties.interval(), LOG, "autopilot loop (ballast.autopilot.interval)", autopilot::tick)) {
                LOG.info("autopilot in mode {} every {}", autopilot.mode(), properties.interval());
            }
        }
    }
}
