package dev.ballast.actuators.power;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WakeOnLanPowerDriverTest {
    private static final HostId HOST = HostId.of("host-01");
    private final SimulatedCluster cluster = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(2, 0), new InMemoryMetricStore());

    @Test
    void sendsTheMagicPacketToTheListener() throws Exception {
        MacAddress mac = MacAddress.parse("52:54:00:ab:cd:0f");
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(5000);
            WakeOnLanPowerDriver wol = new WakeOnLanPowerDriver(Map.of(HOST, mac),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), new SimulatedPowerDriver(cluster));

            wol.powerOn(HOST);

            DatagramPacket received = new DatagramPacket(new byte[512], 512);
            listener.receive(received);
            byte[] payload = Arrays.copyOf(received.getData(), received.getLength());
            assertThat(payload).hasSize(102);
            for (int i = 0; i < 6; i++) {
                assertThat(payload[i]).isEqualTo((byte) 0xFF);
            }
            byte[] expectedMac = {0x52, 0x54, 0x00, (byte) 0xab, (byte) 0xcd, 0x0f};
            for (int r = 0; r < 16; r++) {
                assertThat(Arrays.copyOfRange(payload, 6 + 6 * r, 12 + 6 * r)).isEqualTo(expectedMac);
            }
        }
    }

    @Test
    void leavesPowerOffAndStatusToTheOtherDriver() {
        WakeOnLanPowerDriver wol = new WakeOnLanPowerDriver(Map.of(HOST, MacAddress.parse("52-54-00-00-00-01")),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 9), new SimulatedPowerDriver(cluster));
        wol.powerOff(HOST);
        assertThat(cluster.snapshot().host(HOST).orElseThrow().state()).isEqualTo(HostState.OFF);
        assertThat(wol.status(HOST)).isEqualTo(PowerState.OFF);
    }

    @Test
    void rejectsBadAddressesNamingThem() {
        assertThatThrownBy(() -> MacAddress.parse("52:54:00:zz:00:01")).hasMessageContaining("52:54:00:zz:00:01");
        assertThatThrownBy(() -> MacAddress.parse("52:54:00")).hasMessageContaining("six hex pairs");
        assertThat(MacAddress.parse("52:54:00:AB:00:01").toString()).isEqualTo("52:54:00:ab:00:01");
        WakeOnLanPowerDriver wol = new WakeOnLanPowerDriver(Map.of(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 9),
                new SimulatedPowerDriver(cluster));
        assertThatThrownBy(() -> wol.powerOn(HostId.of("host-02"))).hasMessageContaining("no MAC address configured for host host-02");
    }
}
