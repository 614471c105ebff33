package dev.ballast.actuators.support;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's shell scripts from tests and hands back what they print. */
public final class Scripts {
    private Scripts() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().equals("0");
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command)) || Files.isExecutable(Path.of("/usr/bin", command));
    }

    /** Runs a command to its end (at most the timeout), output captured through files so nothing blocks. */
    public static Result run(Map<String, String> env, long timeoutSeconds, String... command) {
        try {
            Path out = Files.createTempFile("ballast-script", ".out");
            Path err = Files.createTempFile("ballast-script", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(env);
                Process p = builder.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s; stderr: "
                            + Files.readString(err));
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }

    public static Result runOrFail(Map<String, String> env, long timeoutSeconds, String... command) {
        Result r = run(env, timeoutSeconds, command);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + r.exitCode() + ": " + r.stderr() + r.stdout());
        }
        return r;
    }

    /** A UDP port on loopback that nothing listens on right now. */
    public static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free UDP port on loopback", e);
        }
    }
}
