package dev.ballast.collectors.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the module's own scripts (collectors/scripts) from a test, whether Maven runs in the module or the root. */
public final class ProjectScript {
    /** Exit code and combined output of a run. */
    public record Result(int rc, String output) {
    }

    private ProjectScript() {
    }

    public static Result run(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(path(name).toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timed out)");
        }
        return new Result(p.exitValue(), out.strip());
    }

    public static Path path(String name) {
        for (Path p : List.of(Path.of("scripts", name), Path.of("collectors", "scripts", name))) {
            if (Files.isExecutable(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("script " + name + " not found under " + Path.of("").toAbsolutePath());
    }
}
