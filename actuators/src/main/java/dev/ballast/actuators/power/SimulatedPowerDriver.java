package dev.ballast.actuators.power;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.simulation.SimulatedCluster;

import java.util.Objects;

/** Power for the hosts of a simulated cluster: the cluster refuses to power off a host that still runs VMs. */
public final class SimulatedPowerDriver implements PowerDriver {
    private final SimulatedCluster cluster;

    public SimulatedPowerDriver(SimulatedCluster cluster) {
        this.cluster = Objects.requireNonNull(cluster, "simulated cluster");
    }

    @Override
    public PowerState status(HostId host) {
        HostState state = cluster.snapshot().host(host)
                .orElseThrow(() -> new IllegalArgumentException("unknown simulated host " + host)).state();
        return state == HostState.OFF ? PowerState.OFF : PowerState.ON;
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
