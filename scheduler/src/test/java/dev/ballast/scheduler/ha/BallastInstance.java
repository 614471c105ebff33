package dev.ballast.scheduler.ha;

import dev.ballast.scheduler.autopilot.Autopilot;
import dev.ballast.scheduler.plans.PlanService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One Ballast instance of a test: a whole server (HTTP, security, planner, executor, autopilot) in its own
 * application context, reaching ZooKeeper and PostgreSQL through relays of its own so that the test can cut it
 * off, and the shared simulated cluster through hands the test can kill.
 */
final class BallastInstance implements AutoCloseable {
    static final String OPERATOR = "operator-token";

    final String name;
    final TcpRelay zookeeper;
    final TcpRelay database;
    final EmbeddedServer server;
    final SharedSimulation.Hands hands;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean closed;

    BallastInstance(String name, String cluster, String world, int zookeeperPort, int postgresPort, Duration sessionTimeout,
                    Map<String, Object> extra) throws IOException {
        this.name = name;
        this.zookeeper = new TcpRelay(zookeeperPort);
        this.database = new TcpRelay(postgresPort);
        Map<String, Object> p = new HashMap<>();
        p.put("ballast.ha.enabled", "true");
        p.put("ballast.ha.zookeeper", "127.0.0.1:" + zookeeper.port());
        p.put("ballast.ha.session-timeout", sessionTimeout.toMillis() + "ms");
        p.put("ballast.ha.connection-timeout", "2s");
        p.put("ballast.ha.instance-id", name);
        p.put("ballast.store.url", "jdbc:postgresql://127.0.0.1:" + database.port() + "/ballast?connectTimeout=3&socketTimeout=10");
        p.put("ballast.store.username", "ballast");
        p.put("ballast.store.password", "ballast");
        p.put("ballast.cluster.name", cluster);
        p.put("ballast.simulation.tick", "0s");
        p.put("ha-test.world", world);
        p.put("ha-test.instance", name);
        p.putAll(extra);
        this.server = ApplicationContext.run(EmbeddedServer.class, p, "test");
        this.hands = (SharedSimulation.Hands) SharedSimulation.WORLDS.get(world).hands.get(name);
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    ClusterLeadership leadership() {
        return context().getBean(ClusterLeadership.class);
    }

    PlanService plans() {
        return context().getBean(PlanService.class);
    }

    Autopilot autopilot() {
        return context().getBean(Autopilot.class);
    }

    boolean acting() {
        return !closed && leadership().acting();
    }

    /** The process killed: its hands stop where they are, and it is cut off ZooKeeper and the database. */
    void kill() {
        hands.die();
        zookeeper.cut();
        database.cut();
    }

    record Reply(int status, String body, Map<String, Object> json, HttpResponse<String> raw) {
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply put(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    @SuppressWarnings("unchecked")
    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> json = Map.of();
        if (r.body() != null && r.body().startsWith("{")) {
            json = context().getBean(JsonMapper.class).readValue(r.body(), Map.class);
        }
        return new Reply(r.statusCode(), r.body(), json, r);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.getApplicationContext().close();
        } finally {
            zookeeper.close();
            database.close();
        }
    }
}
