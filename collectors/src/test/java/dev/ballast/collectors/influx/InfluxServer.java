package dev.ballast.collectors.influx;

import dev.ballast.collectors.testing.ProjectScript;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        Result install = run(List.of("influx-install.sh"));
        Assumptions.assumeTrue(install.rc == 0,
                () -> "InfluxDB is not installed and could not be installed (run collectors/scripts/influx-install.sh"
                        + " as root): " + install.output);
        server.startAgain();
        return server;
    }

    public void startAgain() throws IOException, InterruptedException {
        Result r = run(List.of("influx-start.sh", dir.toString()));
        Matcher m = STARTED.matcher(r.output);
        if (r.rc != 0 || !m.find()) {
            throw new IllegalStateException("influx-start.sh " + dir + " failed (rc " + r.rc + "): " + r.output);
        }
        pid = Long.parseLong(m.group(1));
        port = Integer.parseInt(m.group(2));
    }

    public void stop() throws IOException, InterruptedException {
        Result r = run(List.of("influx-stop.sh", dir.toString()));
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
        run(List.of("influx-stop.sh", dir.toString(), "--purge"));
    }

    private record Result(int rc, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        ProjectScript.Result r = ProjectScript.run(command.getFirst(),
                command.subList(1, command.size()).toArray(String[]::new));
        return new Result(r.rc(), r.output());
    }
}
