package dev.ballast.actuators.support;

import dev.ballast.actuators.libvirt.LibvirtHost;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.PowerModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The project's libvirt testbed (collectors/testbed/testbed.sh) driven from a test: hosts h1..hN in network
 * namespaces of their own, named uniquely per run so that parallel runs never meet, torn down by PID.
 */
public final class Testbed implements AutoCloseable {
    public static final Path SCRIPT = Path.of("../collectors/testbed/testbed.sh");
    public static final PowerModel POWER = PowerModel.of(100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200);

    private final Map<String, String> env = new HashMap<>();
    private final int hosts;

    private Testbed(int hosts) {
        this.hosts = hosts;
        String name = "bt" + ThreadLocalRandom.current().nextInt(1000, 10000);
        env.put("TB_NAME", name);
        env.put("TB_HOSTS", Integer.toString(hosts));
        env.put("TB_DIR", System.getProperty("java.io.tmpdir") + "/ballast-" + name);
    }

    /** Why the testbed cannot run here, or null when it can. */
    public static String unavailableBecause() {
        if (!Files.isExecutable(SCRIPT)) {
            return SCRIPT + " not found from " + Path.of("").toAbsolutePath();
        }
        if (!Scripts.isRoot()) {
            return "the libvirt testbed needs root (network namespaces, bind mounts, a root libvirtd); run the tests as root";
        }
        return null;
    }

    public static Testbed up(int hosts) {
        Testbed t = new Testbed(hosts);
        Scripts.runOrFail(t.env, 900, SCRIPT.toString(), "up");
        return t;
    }

    public String dir() {
        return env.get("TB_DIR");
    }

    public HostId id(int h) {
        return HostId.of("h" + h);
    }

    public String uri(int h) {
        return "qemu+unix:///system?socket=" + dir() + "/h" + h + "/run/libvirt-sock";
    }

    public String peerUri(int h) {
        return "qemu+tcp://10.77.0." + (10 + h) + "/system";
    }

    public List<LibvirtHost> libvirtHosts() {
        List<LibvirtHost> list = new ArrayList<>();
        for (int h = 1; h <= hosts; h++) {
            list.add(new LibvirtHost(id(h), uri(h), peerUri(h), POWER, Map.of()));
        }
        return list;
    }

    public void guest(int host, String name, int memoryMib, int dirtyMib) {
        Scripts.runOrFail(env, 120, SCRIPT.toString(), "guest", Integer.toString(host), name, Integer.toString(memoryMib), Integer.toString(dirtyMib));
    }

    public void waitHeartbeat(String name) {
        Scripts.runOrFail(env, 200, SCRIPT.toString(), "wait-heartbeat", name, "180");
    }

    public int heartbeats(String name) {
        return Integer.parseInt(Scripts.runOrFail(env, 30, SCRIPT.toString(), "heartbeats", name).stdout().strip());
    }

    /** Waits until the guest printed a heartbeat later than the given one; false after the timeout. */
    public boolean heartbeatAfter(String name, int seen, long timeoutMillis) {
        long until = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < until) {
            if (heartbeats(name) > seen) {
                return true;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    public void stopHost(int h) {
        Scripts.runOrFail(env, 60, SCRIPT.toString(), "stop-host", Integer.toString(h));
    }

    public void startHost(int h) {
        Scripts.runOrFail(env, 120, SCRIPT.toString(), "start-host", Integer.toString(h));
    }

    public String virsh(int h, String... args) {
        List<String> cmd = new ArrayList<>(List.of("virsh", "-q", "-c", uri(h)));
        cmd.addAll(List.of(args));
        return Scripts.runOrFail(Map.of(), 120, cmd.toArray(String[]::new)).stdout();
    }

    /** Like {@link #virsh} but empty output when the host's libvirtd is down. */
    public String virshIfUp(int h, String... args) {
        List<String> cmd = new ArrayList<>(List.of("virsh", "-q", "-c", uri(h)));
        cmd.addAll(List.of(args));
        Scripts.Result r = Scripts.run(Map.of(), 120, cmd.toArray(String[]::new));
        if (r.exitCode() != 0 && r.stderr().contains("failed to connect")) {
            return "";
        }
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r.stderr());
        }
        return r.stdout();
    }

    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    @Override
    public void close() {
        Scripts.Result down = Scripts.run(env, 300, SCRIPT.toString(), "down");
        if (down.exitCode() == 0) {
            Scripts.run(Map.of(), 60, "rm", "-rf", "--", dir());
        }
    }
}
