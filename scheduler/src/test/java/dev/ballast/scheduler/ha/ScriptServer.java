package dev.ballast.scheduler.ha;

import dev.ballast.scheduler.web.ProjectScripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real server (Debian's ZooKeeper or PostgreSQL) started on loopback by the project's scripts in a folder of its
 * own under /tmp, stopped by the PID the script recorded, and deleted at the end.
 */
final class ScriptServer implements AutoCloseable {
    private final String kind;
    private final Path dir;
    private int port;

    private ScriptServer(String kind, Path dir) {
        this.kind = kind;
        this.dir = dir;
    }

    static ScriptServer zookeeper() throws IOException, InterruptedException {
        ScriptServer s = new ScriptServer("zookeeper", Files.createTempDirectory("ballast-zk-"));
        s.start();
        return s;
    }

    static ScriptServer postgres() throws IOException, InterruptedException {
        ScriptServer s = new ScriptServer("postgres", Files.createTempDirectory("ballast-pg-"));
        s.start();
        return s;
    }

    /** Starts the server (again, in the same folder and on the same port after {@link #stop()}). */
    void start() throws IOException, InterruptedException {
        ProjectScripts.Result r = ProjectScripts.run("scheduler/scripts/" + kind + "-start.sh", dir.toString());
        if (r.rc() != 0) {
            throw new IllegalStateException(kind + "-start.sh failed with " + r.rc() + ": " + r.output());
        }
        Matcher m = Pattern.compile("port=(\\d+)").matcher(r.output());
        if (!m.find()) {
            throw new IllegalStateException(kind + "-start.sh printed no port: " + r.output());
        }
        port = Integer.parseInt(m.group(1));
    }

    void stop() throws IOException, InterruptedException {
        ProjectScripts.Result r = ProjectScripts.run("scheduler/scripts/" + kind + "-stop.sh", dir.toString());
        if (r.rc() != 0) {
            throw new IllegalStateException(kind + "-stop.sh failed with " + r.rc() + ": " + r.output());
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/ballast";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ProjectScripts.run("scheduler/scripts/" + kind + "-stop.sh", dir.toString(), "--purge");
    }
}
