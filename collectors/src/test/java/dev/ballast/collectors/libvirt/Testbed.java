package dev.ballast.collectors.libvirt;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's libvirt testbed (collectors/testbed/testbed.sh) for a test: real libvirtd hosts in network
 * namespaces with tiny QEMU guests. Needs root; a test skips when it is not possible here.
 */
final class Testbed implements AutoCloseable {
    private static final Pattern URI = Pattern.compile("TB_H(\\d+)_URI='([^']+)'");

    private final String name;
    private final int hosts;
    private final Map<Integer, String> uris = new HashMap<>();

    private Testbed(String name, int hosts) {
        this.name = name;
        this.hosts = hosts;
    }

    /** Brings up {@code hosts} hosts under testbed name {@code name} (at most 6 characters), or skips the test. */
    static Testbed up(String name, int hosts) throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) || isRoot(),
                "the libvirt testbed needs root (network namespaces, bind mounts, a root libvirtd)");
        Testbed testbed = new Testbed(name, hosts);
        testbed.run(List.of("down"));    // leftovers of an interrupted run
        Result r = testbed.run(List.of("up"));
        if (r.rc != 0) {
            Assumptions.assumeFalse(r.output.contains("Operation not permitted")
                            || r.output.contains("Permission denied"),
                    () -> "the libvirt testbed cannot create namespaces here: " + r.output);
            throw new IllegalStateException("testbed.sh up failed (rc " + r.rc + "): " + r.output);
        }
        Matcher m = URI.matcher(r.output);
        while (m.find()) {
            testbed.uris.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        if (testbed.uris.size() != hosts) {
            throw new IllegalStateException("testbed.sh up printed " + testbed.uris + ", expected " + hosts + " hosts");
        }
        return testbed;
    }

    String uri(int host) {
        return uris.get(host);
    }

    List<String> uris() {
        List<String> all = new ArrayList<>();
        for (int h = 1; h <= hosts; h++) {
            all.add(uris.get(h));
        }
        return all;
    }

    String hostname(int host) {
        return name + "-h" + host;
    }

    void guest(int host, String guest, int memoryMib, int dirtyMib) throws IOException, InterruptedException {
        check(run(List.of("guest", Integer.toString(host), guest, Integer.toString(memoryMib),
                Integer.toString(dirtyMib))), "guest " + guest);
    }

    void waitHeartbeat(String guest) throws IOException, InterruptedException {
        check(run(List.of("wait-heartbeat", guest, "90")), "wait-heartbeat " + guest);
    }

    void stopHost(int host) throws IOException, InterruptedException {
        check(run(List.of("stop-host", Integer.toString(host))), "stop-host " + host);
    }

    void startHost(int host) throws IOException, InterruptedException {
        check(run(List.of("start-host", Integer.toString(host))), "start-host " + host);
    }

    /** Tears the testbed down and deletes its directory (the guest image cache in /var/tmp stays). */
    @Override
    public void close() throws IOException, InterruptedException {
        check(run(List.of("down")), "down");
        Path dir = Path.of("/tmp", "ballast-" + name);
        if (Files.isDirectory(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().equals("0");
        } catch (IOException e) {
            return false;
        }
    }

    private record Result(int rc, String output) {
    }

    private static void check(Result r, String what) {
        if (r.rc != 0) {
            throw new IllegalStateException("testbed.sh " + what + " failed (rc " + r.rc + "): " + r.output);
        }
    }

    private Result run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TB_NAME", name);
        pb.environment().put("TB_HOSTS", Integer.toString(hosts));
        pb.environment().put("TB_DIR", "/tmp/ballast-" + name);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timed out)");
        }
        return new Result(p.exitValue(), out.strip());
    }

    private static Path script() {
        for (Path p : List.of(Path.of("testbed", "testbed.sh"), Path.of("collectors", "testbed", "testbed.sh"))) {
            if (Files.isExecutable(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("collectors/testbed/testbed.sh not found from " + Path.of("").toAbsolutePath());
    }
}
