package dev.ballast.actuators.power;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedPowerDriverTest {
    @Test
    void switchesEmptyHostsAndRefusesBusyOnes() {
        SimulatedCluster cluster = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(3, 2), new InMemoryMetricStore());
        SimulatedPowerDriver power = new SimulatedPowerDriver(cluster);
        HostId busy = cluster.snapshot().vms().get(0).host();
        HostId empty = cluster.snapshot().hosts().stream().map(h -> h.id()).filter(h -> cluster.snapshot().vmsOn(h).isEmpty()).findFirst().orElseThrow();
        power.powerOff(empty);
        assertThat(power.status(empty)).isEqualTo(PowerState.OFF);
        power.powerOn(empty);
        assertThat(power.status(empty)).isEqualTo(PowerState.ON);
        assertThatThrownBy(() -> power.powerOff(busy)).hasMessageContaining(busy.value()).hasMessageContaining("VMs run on it");
        assertThatThrownBy(() -> power.status(HostId.of("nope"))).hasMessageContaining("nope");
    }
}
