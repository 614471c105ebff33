package dev.ballast.actuators.power;

import dev.ballast.actuators.support.Scripts;
import dev.ballast.collectors.cluster.HostId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real simulated BMC: OpenIPMI's ipmi_sim on 127.0.0.1, started and stopped (by PID) by this test. */
class IpmiPowerDriverTest {
    private static final Path SCRIPT = Path.of("scripts/ipmi-sim.sh");
    private static final HostId HOST = HostId.of("host-07");
    private static int port;
    private static String pid;
    @TempDir
    static Path work;

    @BeforeAll
    static void startBmc() {
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "scripts/ipmi-sim.sh not found from " + Path.of("").toAbsolutePath());
        Assumptions.assumeTrue(Scripts.isRoot() || (Scripts.onPath("ipmi_sim") && Scripts.onPath("ipmitool")),
                "skipped: ipmi_sim/ipmitool are missing and installing them (apt-get install openipmi ipmitool) needs root");
        port = Scripts.freeUdpPort();
        Scripts.Result up = Scripts.runOrFail(Map.of("BMC_PORT", Integer.toString(port), "BMC_PASSWORD", "s3cret",
                "BMC_DIR", work.resolve("bmc").toString()), 600, SCRIPT.toString(), "up");
        pid = up.stdout().strip();
    }

    @AfterAll
    static void stopBmc() {
        if (pid != null) {
            Scripts.runOrFail(Map.of(), 30, SCRIPT.toString(), "down", pid);
        }
    }

    private static IpmiPowerDriver driver(String password, int bmcPort) {
        return new IpmiPowerDriver(Map.of(HOST, new BmcAddress("127.0.0.1", bmcPort, "admin", password)), "ipmitool", Duration.ofSeconds(15));
    }

    @Test
    void switchesAndReadsTheChassisPower() {
        IpmiPowerDriver ipmi = driver("s3cret", port);
        assertThat(ipmi.status(HOST)).isEqualTo(PowerState.ON);
        ipmi.powerOff(HOST);
        assertThat(ipmi.status(HOST)).isEqualTo(PowerState.OFF);
        ipmi.powerOn(HOST);
        assertThat(ipmi.status(HOST)).isEqualTo(PowerState.ON);
    }

    @Test
    void aWrongPasswordGivesAClearError() {
        assertThatThrownBy(() -> driver("wrong", port).status(HOST))
                .hasMessageContaining("host-07").hasMessageContaining("admin@127.0.0.1:" + port)
                .hasMessageContaining("exit code 1").hasMessageContaining("RMCP+ session")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void aBmcThatDoesNotAnswerGivesAClearError() {
        int silent = Scripts.freeUdpPort();
        assertThatThrownBy(() -> driver("s3cret", silent).powerOn(HOST))
                .hasMessageContaining("chassis power on for host host-07").hasMessageContaining("127.0.0.1:" + silent)
                .hasMessageContaining("exit code 1");
    }

    @Test
    void anUnknownHostIsNamed() {
        assertThatThrownBy(() -> driver("s3cret", port).status(HostId.of("host-99"))).hasMessageContaining("no BMC configured for host host-99");
    }
}
