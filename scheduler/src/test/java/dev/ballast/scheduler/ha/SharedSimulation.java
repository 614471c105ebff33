package dev.ballast.scheduler.ha;

import dev.ballast.actuators.execution.HypervisorDriver;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.metrics.MetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Several Ballast instances in one test JVM managing the same simulated cluster, as several real instances manage
 * the same hosts: each instance's cluster, metric store and hypervisor driver are replaced by one shared cluster.
 * Each instance reaches it through its own {@link Hands}, which the test can make die (a killed process: whatever it
 * was doing stops where it was, and it does nothing more). Every migration any instance starts is written in the
 * ledger, so a test can check no step ran twice.
 */
@Factory
@Requires(property = "ha-test.world")
final class SharedSimulation {
    static final Map<String, World> WORLDS = new ConcurrentHashMap<>();

    /** The cluster and what every instance did to it. */
    static final class World {
        final SimulatedCluster cluster;
        final double migrationMibPerSecond;
        final double realSecondsPerSimulatedSecond;
        final List<String> ledger = new CopyOnWriteArrayList<>();
        final Map<String, Hands> hands = new ConcurrentHashMap<>();

        World(SimulatedCluster cluster, double migrationMibPerSecond, double realSecondsPerSimulatedSecond) {
            this.cluster = cluster;
            this.migrationMibPerSecond = migrationMibPerSecond;
            this.realSecondsPerSimulatedSecond = realSecondsPerSimulatedSecond;
        }

        static World create(String name, int hosts, int vms, double realSecondsPerSimulatedSecond) {
            SimulatedCluster cluster = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(hosts, vms).withSeed(7),
                    new InMemoryMetricStore());
            cluster.record();
            cluster.advance(288);
            World w = new World(cluster, 128, realSecondsPerSimulatedSecond);
            WORLDS.put(name, w);
            return w;
        }
    }

    @Singleton
    @Replaces(SimulatedCluster.class)
    SimulatedCluster sharedCluster(@Value("${ha-test.world}") String world) {
        return WORLDS.get(world).cluster;
    }

    @Singleton
    @Replaces(MetricStore.class)
    MetricStore sharedStore(@Value("${ha-test.world}") String world) {
        return WORLDS.get(world).cluster.store();
    }

    @Singleton
    @Replaces(HypervisorDriver.class)
    HypervisorDriver hands(@Value("${ha-test.world}") String world, @Value("${ha-test.instance}") String instance) {
        World w = WORLDS.get(world);
        return w.hands.computeIfAbsent(instance, i -> new Hands(w, i));
    }

    /**
     * One instance's driver on the shared cluster: a migration reserves memory, lasts memory ÷ bandwidth (scaled to
     * real time) and completes, or aborts when interrupted, like the simulated hypervisor. {@link #die()} is the
     * process killed: from then on nothing it does reaches the cluster and every call hangs, a migration under way
     * included (it neither completes nor aborts: the next leader must settle it).
     */
    static final class Hands implements HypervisorDriver {
        private final World world;
        private final String instance;
        private volatile boolean dead;

        Hands(World world, String instance) {
            this.world = world;
            this.instance = instance;
        }

        void die() {
            dead = true;
        }

        private void hangIfDead() {
            while (dead) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // a dead process does not wake up; the test ends and the JVM with it
                }
            }
        }

        @Override
        public ClusterSnapshot observe() {
            hangIfDead();
            return world.cluster.snapshot();
        }

        @Override
        public void migrate(LiveMigrate step) {
            hangIfDead();
            Vm vm = world.cluster.snapshot().vm(step.vm()).orElseThrow(() -> new IllegalStateException("no host runs vm " + step.vm()));
            if (!vm.host().equals(step.source())) {
                throw new IllegalStateException("cannot migrate vm " + step.vm() + " from " + step.source() + ": it runs on " + vm.host());
            }
            world.cluster.beginMigration(step.vm(), step.target());
            world.ledger.add(instance + " " + step.vm() + " " + step.source() + "->" + step.target());
            long until = System.nanoTime() + Math.round(vm.size().memoryMib() / world.migrationMibPerSecond * world.realSecondsPerSimulatedSecond * 1e9);
            try {
                while (System.nanoTime() < until) {
                    Thread.sleep(10);
                    hangIfDead();
                }
            } catch (InterruptedException e) {
                if (!dead) {
                    world.cluster.abortMigration(step.vm());
                }
                hangIfDead();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("migration of vm " + step.vm() + " was interrupted and aborted", e);
            }
            hangIfDead();
            world.cluster.completeMigration(step.vm());
        }

        @Override
        public void resolveInterrupted(LiveMigrate step) {
            hangIfDead();
            if (world.cluster.isMigrating(step.vm())) {
                world.cluster.abortMigration(step.vm());
            }
        }

        @Override
        public void powerOn(HostId host) {
            hangIfDead();
            world.cluster.powerOn(host);
        }

        @Override
        public void powerOff(HostId host) {
            hangIfDead();
            world.cluster.powerOff(host);
        }
    }
}
