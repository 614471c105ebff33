package dev.ballast.scheduler.config;

import dev.ballast.collectors.simulation.SimulatedCluster;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves the simulated cluster's time on by one interval every {@code ballast.simulation.tick} of real time. */
@Singleton
@io.micronaut.context.annotation.Requires(property = "ballast.cluster.mode", value = "simulated", defaultValue = "simulated")
class SimulationClock implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SimulationClock.class);

    private final SimulatedCluster cluster;
    private final SimulationProperties sim;
    private final TaskScheduler scheduler;

    SimulationClock(SimulatedCluster cluster, SimulationProperties sim, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.cluster = cluster;
        this.sim = sim;
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (PeriodicTask.schedule(scheduler, sim.tick(), LOG, "simulated clock (ballast.simulation.tick)", () -> cluster.advance(1))) {
            LOG.info("simulated cluster: one {} interval every {} of real time", cluster.interval(), sim.tick());
        }
    }
}
