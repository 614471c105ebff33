package dev.ballast.actuators.simulation;

import dev.ballast.actuators.execution.HypervisorDriver;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.simulation.SimulatedCluster;

import java.util.Objects;

/**
 * A hypervisor driver over a {@link SimulatedCluster}: a migration reserves the VM's memory on the target, lasts
 * memory ÷ bandwidth simulated seconds (slept as that × the real-time factor; 0 = instant), then completes. Run it
 * over a {@link SimulatedCluster#copy} and the same executor gives a dry run.
 */
public final class SimulatedHypervisor implements HypervisorDriver {
    private final SimulatedCluster cluster;
    private final double bandwidthMibPerSecond;
    private final double realSecondsPerSimulatedSecond;

    public SimulatedHypervisor(SimulatedCluster cluster, double bandwidthMibPerSecond, double realSecondsPerSimulatedSecond) {
        this.cluster = Objects.requireNonNull(cluster, "simulated cluster");
        if (!Double.isFinite(bandwidthMibPerSecond) || bandwidthMibPerSecond <= 0) {
            throw new IllegalArgumentException("migration bandwidth must be > 0 MiB/s, was " + bandwidthMibPerSecond);
        }
        if (!Double.isFinite(realSecondsPerSimulatedSecond) || realSecondsPerSimulatedSecond < 0) {
            throw new IllegalArgumentException("real seconds per simulated second must be >= 0, was " + realSecondsPerSimulatedSecond);
        }
        this.bandwidthMibPerSecond = bandwidthMibPerSecond;
        this.realSecondsPerSimulatedSecond = realSecondsPerSimulatedSecond;
    }

    @Override
    public ClusterSnapshot observe() {
        return cluster.snapshot();
    }

    /** Simulated seconds a migration of this VM takes: its memory ÷ the bandwidth. */
    public double migrationSeconds(double memoryMib) {
        return memoryMib / bandwidthMibPerSecond;
    }

    @Override
    public void migrate(LiveMigrate step) {
        Vm vm = cluster.snapshot().vm(step.vm())
                .orElseThrow(() -> new IllegalStateException("cannot migrate vm " + step.vm() + ": no simulated host runs it"));
        if (!vm.host().equals(step.source())) {
            throw new IllegalStateException("cannot migrate vm " + step.vm() + " from " + step.source() + ": it runs on " + vm.host());
        }
        cluster.beginMigration(step.vm(), step.target());
        long sleepNanos = Math.round(migrationSeconds(vm.size().memoryMib()) * realSecondsPerSimulatedSecond * 1e9);
        try {
            if (sleepNanos > 0) {
                Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            }
        } catch (InterruptedException e) {
            cluster.abortMigration(step.vm());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("migration of vm " + step.vm() + " to " + step.target() + " was interrupted and aborted", e);
        }
        cluster.completeMigration(step.vm());
    }

    @Override
    public void resolveInterrupted(LiveMigrate step) {
        if (cluster.isMigrating(step.vm())) {
            cluster.abortMigration(step.vm());
        }
    }

    @Override
    public void powerOn(HostId host) {
        cluster.powerOn(host);
    }

    @Override
    public void powerOff(HostId host) {
        cluster.powerOff(host);
    }
}
