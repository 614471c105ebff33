package dev.ballast.actuators.power;

import dev.ballast.collectors.cluster.HostId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Power through each host's BMC with {@code ipmitool} over IPMI 2.0 (lanplus). The password goes through the
 * environment ({@code -E}), never the command line. Cipher suite 3 is named so ipmitool does not first ask for the
 * list of suites (some BMCs, ipmi_sim among them, do not answer that and every call waits 10 s longer).
 */
public final class IpmiPowerDriver implements PowerDriver {
    private final Map<HostId, BmcAddress> bmcs;
    private final String ipmitool;
    private final Duration commandTimeout;

    public IpmiPowerDriver(Map<HostId, BmcAddress> bmcs, String ipmitool, Duration commandTimeout) {
        this.bmcs = Map.copyOf(Objects.requireNonNull(bmcs, "BMC addresses"));
        this.ipmitool = Objects.requireNonNull(ipmitool, "ipmitool command");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "command timeout");
        if (commandTimeout.isZero() || commandTimeout.isNegative()) {
            throw new IllegalArgumentException("ipmitool command timeout must be positive, was " + commandTimeout);
        }
    }

    public IpmiPowerDriver(Map<HostId, BmcAddress> bmcs) {
        this(bmcs, "ipmitool", Duration.ofSeconds(20));
    }

    @Override
    public PowerState status(HostId host) {
        String out = chassisPower(host, "status").toLowerCase(Locale.ROOT);
        if (out.contains("power is on")) {
            return PowerState.ON;
        }
        if (out.contains("power is off")) {
            return PowerState.OFF;
        }
        throw new IllegalStateException("BMC " + bmc(host) + " of host " + host + " gave an unreadable power status: " + out.strip());
    }

    @Override
    public void powerOn(HostId host) {
        chassisPower(host, "on");
    }

    @Override
    public void powerOff(HostId host) {
        chassisPower(host, "off");
    }

    private BmcAddress bmc(HostId host) {
        BmcAddress bmc = bmcs.get(host);
        if (bmc == null) {
            throw new IllegalArgumentException("no BMC configured for host " + host + " (known: " + bmcs.keySet() + ")");
        }
        return bmc;
    }

    private String chassisPower(HostId host, String action) {
        BmcAddress bmc = bmc(host);
        List<String> command = List.of(ipmitool, "-I", "lanplus", "-C", "3", "-N", "1", "-R", "1",
                "-H", bmc.address(), "-p", Integer.toString(bmc.port()), "-U", bmc.user(), "-E", "chassis", "power", action);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("IPMI_PASSWORD", bmc.password());
        String what = "ipmitool chassis power " + action + " for host " + host + " (BMC " + bmc + ")";
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(what + " could not start '" + ipmitool + "' (Debian: apt-get install ipmitool): " + e.getMessage(), e);
        }
        CompletableFuture<String> stdout = read(process.getInputStream());
        CompletableFuture<String> stderr = read(process.getErrorStream());
        try {
            if (!process.waitFor(commandTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not answer within " + commandTimeout);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
        String out = stdout.join();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + process.exitValue() + ": "
                    + (stderr.join().strip() + " " + out.strip()).strip());
        }
        return out;
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> Thread.ofVirtual().start(task));
    }
}
