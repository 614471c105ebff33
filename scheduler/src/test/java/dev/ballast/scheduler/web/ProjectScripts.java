package dev.ballast.scheduler.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the project's own scripts (dashboards/scripts, collectors/scripts, scheduler/scripts) from the tests, wherever Maven runs them. */
public final class ProjectScripts {
    private ProjectScripts() {
    }

    public record Result(int rc, String output) {
    }

    /** The checkout's top folder: the nearest parent of the working directory that holds dashboards/scripts. */
    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("dashboards/scripts")) && Files.isDirectory(d.resolve("collectors/scripts"))) {
                return d;
            }
        }
        throw new IllegalStateException("no folder holding dashboards/scripts and collectors/scripts above " + dir);
    }

    public static Result run(String script, String... args) throws IOException, InterruptedException {
        Path path = root().resolve(script);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing or not executable");
        }
        List<String> command = new ArrayList<>(List.of(path.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // apt-get may take minutes on a fresh machine; the scripts bound their own waits.
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in 15 minutes");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
