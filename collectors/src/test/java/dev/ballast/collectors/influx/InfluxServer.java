package dev.ballast.collectors.influx;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real influxd for a test, started and stopped by the project's own scripts (collectors/scripts) on loopback,
 * with its data in a temporary directory. Restarting keeps the data and the port.
 */
public final class InfluxServer implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("pid=(\\d+) port=(\\d+)");

    private final Path dir;
    private long pid;
    private int port;

    private InfluxServer(Path dir) {
        this.dir = dir;
    }

    /** Starts a server, or skips the calling test with the reason when influxd can neither be found nor installed. */
    public static InfluxServer start() throws IOException, InterruptedException {
        InfluxServer server = new InfluxServer(Files.createTempDirectory("ballast-influx-"));
        Result install = run(List.of(script("influx-install.sh").toString()));
        Assumptions.assumeTrue(install.rc == 0,
                () -> "InfluxDB is not installed and could not be installed (run collectors/scripts/influx-install.sh"
                        + " as root): " + install.output);
        server.startAgain();
        return server;
    }

    public void startAgain() throws IOException, InterruptedException {
        Result r = run(List.of(script("influx-start.sh").toString(), dir.toString()));
        Matcher m = STARTED.matcher(r.output);
        if (r.rc != 0 || !m.find()) {
            throw new IllegalStateException("influx-start.sh " + dir + " failed (rc " + r.rc + "): " + r.output);
        }
        pid = Long.parseLong(m.group(1));
        port = Integer.parseInt(m.group(2));
    }

    public void stop() throws IOException, InterruptedException {
        Result r = run(List.of(script("influx-stop.sh").toString(), dir.toString()));
        if (r.rc != 0) {
            throw new IllegalStateException("influx-stop.sh " + dir + " failed (rc " + r.rc + "): " + r.output);
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("influxd pid " + pid + " still runs after influx-stop.sh");
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return pid;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of(script("influx-stop.sh").toString(), dir.toString(), "--purge"));
    }

    static Path script(String name) {
        Path p = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "scripts", name);
        if (!Files.isExecutable(p)) {
            p = Path.of(System.getProperty("user.dir"), "collectors", "scripts", name);
        }
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException("script " + name + " not found under " + System.getProperty("user.dir"));
        }
        return p;
    }

    private record Result(int rc, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timed out)");
        }
        return new Result(p.exitValue(), out.strip());
    }
}
