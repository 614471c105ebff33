package dev.ballast.scheduler.ha.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures Ballast's high availability with real processes: a ZooKeeper and a PostgreSQL started by the project's
 * scripts, and Ballast instances started from the service's jar, each on the embedded simulated cluster (the same
 * seed, so the same cluster), all in one election.
 * <ul>
 *   <li>failover: the leader is killed with SIGKILL; the time until another instance reports that it acts
 *       (ZooKeeper session expiry, election, epoch bump, journal reconciliation), over several rounds;</li>
 *   <li>preview throughput: concurrent clients ask for plan previews for a fixed time against one instance, then
 *       spread over three.</li>
 * </ul>
 * usage: HaBenchmark [--rounds N] [--session-timeout SECONDS] [--clients N] [--seconds S] [--solve-seconds S]
 *                    [--scripts DIR] [--jar PATH]
 */
public final class HaBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Pattern PORT = Pattern.compile("port=(\\d+)");

    private final Path scripts;
    private final Path jar;
    private final Path work;
    private final int sessionSeconds;
    private String zookeeper;
    private String jdbcUrl;

    private HaBenchmark(Path scripts, Path jar, Path work, int sessionSeconds) {
        this.scripts = scripts;
        this.jar = jar;
        this.work = work;
        this.sessionSeconds = sessionSeconds;
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int session = 3;
        int clients = 6;
        int seconds = 30;
        double solve = 1;
        Path scripts = Path.of("scheduler/scripts");
        Path jar = Path.of("scheduler/target/scheduler-0.1.0-SNAPSHOT.jar");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rounds" -> rounds = positive(args[i], value);
                case "--session-timeout" -> session = positive(args[i], value);
                case "--clients" -> clients = positive(args[i], value);
                case "--seconds" -> seconds = positive(args[i], value);
                case "--solve-seconds" -> solve = Double.parseDouble(require(args[i], value));
                case "--scripts" -> scripts = Path.of(require(args[i], value));
                case "--jar" -> jar = Path.of(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; options: --rounds --session-timeout "
                        + "--clients --seconds --solve-seconds --scripts --jar");
            }
            i++;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no service jar at " + jar.toAbsolutePath() + ": build it first (./ballast build)");
        }
        Path work = Files.createTempDirectory("ballast-ha-bench-");
        HaBenchmark bench = new HaBenchmark(scripts, jar, work, session);
        try {
            bench.startServers();
            System.out.printf(Locale.ROOT, "Ballast HA benchmark, %s, %d cores, session timeout %d s%n", Instant.now(),
                    Runtime.getRuntime().availableProcessors(), session);
            bench.failover(rounds);
            bench.throughput(clients, seconds, solve);
            deleteTree(work);
        } catch (Exception | Error e) {
            System.err.println("the instances' logs are in " + work);
            throw e;
        } finally {
            bench.stopServers();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static int positive(String option, String value) {
        int v = Integer.parseInt(require(option, value));
        if (v < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, was " + v);
        }
        return v;
    }

    private String script(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(scripts.resolve(name).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(name + " failed: " + out);
        }
        return out;
    }

    private static int port(String output) {
        Matcher m = PORT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no port in: " + output);
        }
        return Integer.parseInt(m.group(1));
    }

    private Path zookeeperDir;
    private Path postgresDir;

    private void startServers() throws IOException, InterruptedException {
        // each in a folder of its own under /tmp: as root, PostgreSQL runs as user postgres, which must reach it
        zookeeperDir = Files.createTempDirectory("ballast-ha-bench-zk-");
        postgresDir = Files.createTempDirectory("ballast-ha-bench-pg-");
        zookeeper = "127.0.0.1:" + port(script("zookeeper-start.sh", zookeeperDir.toString()));
        jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port(script("postgres-start.sh", postgresDir.toString())) + "/ballast";
    }

    private void stopServers() throws IOException, InterruptedException {
        if (zookeeperDir != null) {
            script("zookeeper-stop.sh", zookeeperDir.toString(), "--purge");
        }
        if (postgresDir != null) {
            script("postgres-stop.sh", postgresDir.toString(), "--purge");
        }
    }

    /** One Ballast process. */
    private final class Instance {
        final String name;
        final int port;
        final Process process;

        Instance(String name, String cluster) throws IOException {
            this.name = name;
            try (ServerSocket s = new ServerSocket(0)) {
                this.port = s.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xmx512m",
                    "-Dmicronaut.server.port=" + port,
                    "-Dballast.ha.enabled=true",
                    "-Dballast.ha.zookeeper=" + zookeeper,
                    "-Dballast.ha.session-timeout=" + sessionSeconds + "s",
                    "-Dballast.ha.instance-id=" + name,
                    "-Dballast.store.url=" + jdbcUrl,
                    "-Dballast.store.username=ballast",
                    "-Dballast.store.password=ballast",
                    "-Dballast.cluster.name=" + cluster,
                    "-Dballast.simulation.tick=0s",
                    "-Dballast.security.tokens[0]=bench:operator:bench-token",
                    "-jar", jar.toString());
            this.process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve(name + ".log").toFile()).start();
        }

        Optional<String> get(String path) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        boolean acting() {
            return get("/api/leadership").map(b -> b.contains("\"acting\":true")).orElse(false);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: nothing is said to ZooKeeper, the session must expire
            process.waitFor(10, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Instance awaitActing(List<Instance> group, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            for (Instance i : group) {
                if (i.process.isAlive() && i.acting()) {
                    return i;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no instance of " + group.stream().map(i -> i.name).toList() + " acted within " + limit);
    }

    private void failover(int rounds) throws Exception {
        List<Instance> group = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            group.add(new Instance("f" + i, "failover"));
        }
        List<Double> seconds = new ArrayList<>();
        int next = 4;
        try {
            Instance leader = awaitActing(group, Duration.ofSeconds(120));
            for (int round = 1; round <= rounds; round++) {
                // wait until every instance serves, so the survivors are in the election when the leader dies
                for (Instance i : group) {
                    Instant end = Instant.now().plusSeconds(120);
                    while (i.get("/api/leadership").isEmpty() && Instant.now().isBefore(end)) {
                        Thread.sleep(50);
                    }
                }
                Thread.sleep(1000);
                long start = System.nanoTime();
                leader.kill();
                group.remove(leader);
                Instance successor = awaitActing(group, Duration.ofSeconds(sessionSeconds * 4L + 60));
                double s = (System.nanoTime() - start) / 1e9;
                seconds.add(s);
                System.out.printf(Locale.ROOT, "failover %d: %s killed, %s acting after %.2f s%n", round, leader.name, successor.name, s);
                leader = successor;
                group.add(new Instance("f" + next++, "failover"));
            }
        } finally {
            for (Instance i : group) {
                i.stop();
            }
        }
        seconds.sort(Comparator.naturalOrder());
        System.out.printf(Locale.ROOT, "failover time over %d rounds: median %.2f s, min %.2f s, max %.2f s (session timeout %d s)%n",
                seconds.size(), seconds.get(seconds.size() / 2), seconds.get(0), seconds.get(seconds.size() - 1), sessionSeconds);
    }

    private void throughput(int clients, int seconds, double solveSeconds) throws Exception {
        double one = previews("t1-", 1, clients, seconds, solveSeconds);
        double three = previews("t3-", 3, clients, seconds, solveSeconds);
        System.out.printf(Locale.ROOT, "preview throughput: 1 instance %.1f/min, 3 instances %.1f/min, ratio %.2f "
                + "(%d clients, %.1f s solve each, %d s)%n", one, three, three / one, clients, solveSeconds, seconds);
    }

    private double previews(String prefix, int count, int clients, int seconds, double solveSeconds) throws Exception {
        List<Instance> group = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            group.add(new Instance(prefix + i, "throughput-" + count));
        }
        try {
            for (Instance i : group) {
                Instant end = Instant.now().plusSeconds(120);
                while (i.get("/api/leadership").isEmpty()) {
                    if (Instant.now().isAfter(end)) {
                        throw new IllegalStateException(i.name + " did not start");
                    }
                    Thread.sleep(100);
                }
            }
            String body = String.format(Locale.ROOT, "{\"goal\":\"BALANCE\",\"timeLimitSeconds\":%s}", solveSeconds);
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                Instance target = group.get(c % group.size());
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port + "/api/plans"))
                                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json").header("Authorization", "Bearer bench-token")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            if (System.nanoTime() <= end) {
                                (r.statusCode() == 201 ? done : failed).incrementAndGet();
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 180L, TimeUnit.SECONDS);
            if (failed.get() > 0) {
                System.out.printf(Locale.ROOT, "  %d instance(s): %d previews failed%n", count, failed.get());
            }
            return done.get() * 60.0 / seconds;
        } finally {
            for (Instance i : group) {
                i.stop();
            }
        }
    }
}
