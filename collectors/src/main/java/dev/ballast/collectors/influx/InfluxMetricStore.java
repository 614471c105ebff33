package dev.ballast.collectors.influx;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.MetricStore;
import dev.ballast.collectors.metrics.MetricStoreUnavailableException;
import dev.ballast.collectors.metrics.StoreHealth;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.InfluxDBIOException;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Pong;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Usage history in an InfluxDB 1.x server, laid out by {@link UsageSchema}. Writes never block on the server and
 * never throw because of it: they go to a bounded {@link PointBuffer} that one thread sends in batches, retrying
 * with exponential backoff while the server is down (health DOWN with the reason) and resuming when it answers
 * again (health UP). Points that do not fit in the buffer are dropped oldest first and counted exactly
 * ({@link #stats()}). Window reads first wait briefly for points written before them, so a caller reads its own
 * writes; they throw {@link MetricStoreUnavailableException} when the server cannot answer.
 */
public final class InfluxMetricStore implements MetricStore, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InfluxMetricStore.class.getName());
    /** How often an idle, healthy store checks that the server still answers. */
    private static final Duration IDLE_PING = Duration.ofSeconds(5);
    private static final Duration READ_WAITS_FOR_WRITES = Duration.ofSeconds(5);
    /** From this many VMs on, {@link #vmWindows} reads the whole cluster in one query. */
    private static final int BULK_READ_THRESHOLD = 50;
    private static final Pattern DROPPED = Pattern.compile("dropped=(\\d+)");

    private final InfluxSettings settings;
    private final UsageSchema schema;
    private final InfluxDB influx;
    private final DatabaseSetup setup;
    private final PointBuffer<Point> buffer;
    private final Clock clock;
    private final Thread sender;
    private final Object sleeper = new Object();
    private volatile StoreHealth health;
    private volatile boolean ready;
    private volatile boolean stopping;

    public InfluxMetricStore(InfluxSettings settings) {
        this(settings, Clock.systemUTC());
    }

    InfluxMetricStore(InfluxSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.schema = new UsageSchema(settings.cluster());
        this.setup = new DatabaseSetup(settings);
        this.buffer = new PointBuffer<>(settings.bufferCapacity());
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS);
        this.influx = settings.hasCredentials()
                ? InfluxDBFactory.connect(settings.url(), settings.username(), settings.password(), http)
                : InfluxDBFactory.connect(settings.url(), http);
        this.influx.setLogLevel(InfluxDB.LogLevel.NONE);
        this.health = StoreHealth.down("not contacted yet", clock.instant());
        try {
            prepare();
        } catch (RuntimeException e) {
            markDown(describe(e));
        }
        this.sender = Thread.ofPlatform().daemon().name("ballast-influx-sender").unstarted(this::sendLoop);
        this.sender.start();
    }

    public InfluxSettings settings() {
        return settings;
    }

    public UsageSchema schema() {
        return schema;
    }

    @Override
    public StoreHealth health() {
        return health;
    }

    public WriteStats stats() {
        return buffer.stats();
    }

    /** Points lost because the buffer overflowed while InfluxDB was down or slow. */
    public long droppedPoints() {
        return buffer.stats().dropped();
    }

    @Override
    public void writeVmUsage(VmId vm, UsageSample sample) {
        buffer.add(List.of(schema.vmPoint(vm, null, sample)));
    }

    @Override
    public void writeVmUsage(VmId vm, HostId host, UsageSample sample) {
        buffer.add(List.of(schema.vmPoint(vm, host, sample)));
    }

    @Override
    public void writeHostUsage(HostId host, UsageSample sample) {
        buffer.add(List.of(schema.hostPoint(host, sample)));
    }

    @Override
    public void writeVmForecast(VmId vm, HostId host, UsageSample forecast) {
        buffer.add(List.of(schema.forecastPoint(vm, host, forecast)));
    }

    @Override
    public void writeMigration(dev.ballast.collectors.metrics.MigrationRecord migration) {
        buffer.add(List.of(schema.migrationPoint(migration)));
    }

    @Override
    public void writeHostState(HostId host, java.time.Instant at, String state, double watts) {
        buffer.add(List.of(schema.hostStatePoint(host, at, state, watts)));
    }

    @Override
    public void writeAll(Map<VmId, UsageSample> vmSamples, Map<HostId, UsageSample> hostSamples) {
        writeAll(vmSamples, Map.of(), hostSamples);
    }

    @Override
    public void writeAll(Map<VmId, UsageSample> vmSamples, Map<VmId, HostId> placement,
                         Map<HostId, UsageSample> hostSamples) {
        List<Point> points = new ArrayList<>(vmSamples.size() + hostSamples.size());
        vmSamples.forEach((vm, s) -> points.add(schema.vmPoint(vm, placement.get(vm), s)));
        hostSamples.forEach((host, s) -> points.add(schema.hostPoint(host, s)));
        buffer.add(points);
    }

    @Override
    public List<UsageSample> vmWindow(VmId vm, int maxSamples) {
        if (maxSamples <= 0) {
            return List.of();
        }
        return window(schema.vmWindowQuery(settings.database(), settings.retentionPolicy(), vm, maxSamples),
                maxSamples, "vm " + vm);
    }

    @Override
    public List<UsageSample> hostWindow(HostId host, int maxSamples) {
        if (maxSamples <= 0) {
            return List.of();
        }
        return window(schema.hostWindowQuery(settings.database(), settings.retentionPolicy(), host, maxSamples),
                maxSamples, "host " + host);
    }

    /**
     * Many VMs' windows: one query for the whole cluster when many are asked for (one query per VM costs about 2 ms
     * on loopback, 20 s for 10,000 VMs), else one query each.
     */
    @Override
    public Map<VmId, List<UsageSample>> vmWindows(Collection<VmId> vms, int maxSamples) {
        if (maxSamples <= 0 || vms.isEmpty()) {
            return Map.of();
        }
        if (vms.size() < BULK_READ_THRESHOLD) {
            return MetricStore.super.vmWindows(vms, maxSamples);
        }
        Map<String, List<UsageSample>> all = query(
                schema.allVmWindowsQuery(settings.database(), settings.retentionPolicy(), maxSamples),
                "the last " + maxSamples + " samples of " + vms.size() + " VMs",
                result -> UsageSchema.windowsByTag(result, UsageSchema.TAG_VM, maxSamples));
        Map<VmId, List<UsageSample>> windows = new LinkedHashMap<>();
        for (VmId vm : vms) {
            List<UsageSample> window = all.get(vm.value());
            if (window != null && !window.isEmpty()) {
                windows.put(vm, window);
            }
        }
        return windows;
    }

    /** Waits until every point written so far is stored (or lost); false when {@code timeout} passed first. */
    public boolean flush(Duration timeout) throws InterruptedException {
        return buffer.awaitEmpty(timeout);
    }

    /** Sends what it can within a few seconds while the server is up, then stops the sender and the client. */
    @Override
    public void close() {
        try {
            if (health.isUp()) {
                buffer.awaitEmpty(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopping = true;
        buffer.close();
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        sender.interrupt();
        try {
            sender.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        influx.close();
        WriteStats s = buffer.stats();
        if (s.pending() > 0 || s.lost() > 0) {
            LOG.log(System.Logger.Level.WARNING, "InfluxDB store at {0} closed with {1}", settings.url(), s);
        }
    }

    private List<UsageSample> window(Query query, int maxSamples, String what) {
        return query(query, "the last " + maxSamples + " samples of " + what,
                result -> UsageSchema.samplesOf(result, maxSamples));
    }

    private <T> T query(Query query, String what, Function<QueryResult, T> parse) {
        if (health.isUp()) {
            try {
                buffer.awaitResolved(buffer.accepted(), READ_WAITS_FOR_WRITES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (!ready) {
                prepare();
            }
            QueryResult result = influx.query(query, UsageSchema.PRECISION);
            String error = errorOf(result);
            if (error != null) {
                throw InfluxDBException.buildExceptionForErrorState(error);
            }
            return parse.apply(result);
        } catch (RuntimeException e) {
            if (e instanceof InfluxDBException.DatabaseNotFoundException) {
                ready = false;
            } else if (isServerDown(e)) {
                markDown(describe(e));
            }
            throw new MetricStoreUnavailableException("InfluxDB at " + settings.url() + " could not give " + what
                    + ": " + describe(e), e);
        }
    }

    private void sendLoop() {
        Duration backoff = settings.initialBackoff();
        while (!stopping) {
            try {
                if (!ready) {
                    prepare();
                }
                List<Point> batch = buffer.nextBatch(settings.batchSize(), health.isUp() ? IDLE_PING : backoff);
                if (stopping) {
                    break;
                }
                if (batch.isEmpty()) {
                    ping();
                } else {
                    send(batch);
                }
                markUp();
                backoff = settings.initialBackoff();
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                if (e instanceof InfluxDBException.DatabaseNotFoundException) {
                    ready = false;
                }
                markDown(describe(e));
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                        ? settings.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    private void send(List<Point> batch) {
        BatchPoints points = BatchPoints.database(settings.database())
                .retentionPolicy(settings.retentionPolicy())
                .precision(UsageSchema.PRECISION)
                .points(batch)
                .build();
        try {
            influx.write(points);
            buffer.batchDone(0);
        } catch (InfluxDBException e) {
            if (isServerDown(e) || e instanceof InfluxDBException.DatabaseNotFoundException) {
                throw e;
            }
            // The server answered and refused some or all of the points (older than the retention policy, a
            // field type conflict): retrying cannot help, so they are counted as rejected.
            Matcher m = DROPPED.matcher(String.valueOf(e.getMessage()));
            int rejected = m.find() ? Integer.parseInt(m.group(1)) : batch.size();
            buffer.batchDone(rejected);
            LOG.log(System.Logger.Level.WARNING, "InfluxDB at {0} rejected {1} of {2} points: {3}",
                    settings.url(), rejected, batch.size(), e.getMessage());
        }
    }

    private void ping() {
        Pong pong = influx.ping();
        if (!pong.isGood()) {
            throw new InfluxDBIOException(new java.io.IOException("ping answered " + pong));
        }
    }

    private synchronized void prepare() {
        if (!ready) {
            setup.run(influx);
            ready = true;
            markUp();
        }
    }

    /** True when the failure says the server cannot be reached or cannot work now, as opposed to refusing data. */
    private static boolean isServerDown(RuntimeException e) {
        if (e instanceof InfluxDBIOException) {
            return true;
        }
        if (e instanceof InfluxDBException.AuthorizationFailedException) {
            return true;
        }
        if (e instanceof InfluxDBException ie) {
            return ie.isRetryWorth();
        }
        return true;
    }

    private void markUp() {
        if (!health.isUp()) {
            LOG.log(System.Logger.Level.INFO, "InfluxDB at {0} is up", settings.url());
            health = StoreHealth.up(clock.instant());
        }
    }

    private void markDown(String reason) {
        StoreHealth now = health;
        if (now.isUp()) {
            LOG.log(System.Logger.Level.WARNING, "InfluxDB at {0} is down: {1}", settings.url(), reason);
            health = StoreHealth.down(reason, clock.instant());
        } else if (!now.reason().equals(reason)) {
            health = StoreHealth.down(reason, now.since());
        }
    }

    private void pause(Duration d) {
        synchronized (sleeper) {
            if (stopping) {
                return;
            }
            try {
                sleeper.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getClass().getSimpleName() + ": " + message;
    }

    private static String errorOf(QueryResult result) {
        if (result.getError() != null) {
            return result.getError();
        }
        if (result.getResults() == null) {
            return null;
        }
        return result.getResults().stream().map(QueryResult.Result::getError).filter(e -> e != null)
                .findFirst().orElse(null);
    }
}
