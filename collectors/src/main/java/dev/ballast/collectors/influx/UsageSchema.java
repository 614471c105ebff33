package dev.ballast.collectors.influx;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one place the InfluxDB layout of usage history is defined (the Grafana dashboards and docs/collectors.md
 * follow it): two measurements, {@code vm_usage} (tags cluster, host, vm) and {@code host_usage} (tags cluster,
 * host), each with the float fields {@code cpu} (cores) and {@code memory_mib}. Times are stored to the
 * microsecond: query results carry times as JSON numbers (doubles), exact for microseconds but not nanoseconds.
 */
public final class UsageSchema {
    public static final String VM_MEASUREMENT = "vm_usage";
    public static final String HOST_MEASUREMENT = "host_usage";
    /** The demand each VM was planned with (fields cpu, memory_mib; tags cluster, host, vm). */
    public static final String FORECAST_MEASUREMENT = "vm_forecast";
    /** Finished migrations (fields memory_mib, seconds, count; tags cluster, vm, source, target, outcome). */
    public static final String MIGRATION_MEASUREMENT = "migration";
    /** Host power states (fields on = 1 or 0, watts; tags cluster, host, state). */
    public static final String HOST_STATE_MEASUREMENT = "host_state";
    public static final String TAG_CLUSTER = "cluster";
    public static final String TAG_HOST = "host";
    public static final String TAG_VM = "vm";
    public static final String FIELD_CPU = "cpu";
    public static final String FIELD_MEMORY_MIB = "memory_mib";
    public static final TimeUnit PRECISION = TimeUnit.MICROSECONDS;

    private final String cluster;

    public UsageSchema(String cluster) {
        this.cluster = cluster;
    }

    public String cluster() {
        return cluster;
    }

    /** A VM's sample; {@code host} may be null when the caller does not know it. */
    public Point vmPoint(VmId vm, HostId host, UsageSample sample) {
        Point.Builder b = Point.measurement(VM_MEASUREMENT)
                .time(micros(sample.at()), PRECISION)
                .tag(TAG_CLUSTER, cluster)
                .tag(TAG_VM, vm.value());
        if (host != null) {
            b.tag(TAG_HOST, host.value());
        }
        return withFields(b, sample);
    }

    public Point hostPoint(HostId host, UsageSample sample) {
        return withFields(Point.measurement(HOST_MEASUREMENT)
                .time(micros(sample.at()), PRECISION)
                .tag(TAG_CLUSTER, cluster)
                .tag(TAG_HOST, host.value()), sample);
    }

    public Point forecastPoint(VmId vm, HostId host, UsageSample forecast) {
        Point.Builder b = Point.measurement(FORECAST_MEASUREMENT)
                .time(micros(forecast.at()), PRECISION)
                .tag(TAG_CLUSTER, cluster)
                .tag(TAG_VM, vm.value());
        if (host != null) {
            b.tag(TAG_HOST, host.value());
        }
        return withFields(b, forecast);
    }

    public Point migrationPoint(dev.ballast.collectors.metrics.MigrationRecord m) {
        return Point.measurement(MIGRATION_MEASUREMENT)
                .time(micros(m.at()), PRECISION)
                .tag(TAG_CLUSTER, cluster)
                .tag(TAG_VM, m.vm().value())
                .tag("source", m.source().value())
                .tag("target", m.target().value())
                .tag("outcome", m.outcome())
                .addField(FIELD_MEMORY_MIB, m.memoryMib())
                .addField("seconds", m.seconds())
                .addField("count", 1L)
                .build();
    }

    public Point hostStatePoint(HostId host, Instant at, String state, double watts) {
        return Point.measurement(HOST_STATE_MEASUREMENT)
                .time(micros(at), PRECISION)
                .tag(TAG_CLUSTER, cluster)
                .tag(TAG_HOST, host.value())
                .tag("state", state)
                .addField("on", "ON".equals(state) ? 1L : 0L)
                .addField("watts", watts)
                .build();
    }

    /** The newest {@code maxSamples} of one VM, newest first (InfluxQL's LIMIT keeps the first rows). */
    public Query vmWindowQuery(String database, String retentionPolicy, VmId vm, int maxSamples) {
        return windowQuery(database, retentionPolicy, VM_MEASUREMENT, TAG_VM, vm.value(), maxSamples);
    }

    public Query hostWindowQuery(String database, String retentionPolicy, HostId host, int maxSamples) {
        return windowQuery(database, retentionPolicy, HOST_MEASUREMENT, TAG_HOST, host.value(), maxSamples);
    }

    /**
     * The newest {@code maxSamples} of every VM of the cluster, one result series per VM (InfluxQL applies LIMIT per
     * GROUP BY group; the series of one VM on several hosts merge within its group).
     */
    public Query allVmWindowsQuery(String database, String retentionPolicy, int maxSamples) {
        String influxQl = "SELECT \"" + FIELD_CPU + "\", \"" + FIELD_MEMORY_MIB + "\" FROM \"" + retentionPolicy
                + "\".\"" + VM_MEASUREMENT + "\" WHERE \"" + TAG_CLUSTER + "\" = $cluster GROUP BY \"" + TAG_VM
                + "\" ORDER BY time DESC LIMIT " + maxSamples;
        return BoundParameterQuery.QueryBuilder.newQuery(influxQl)
                .forDatabase(database)
                .bind("cluster", cluster)
                .create();
    }

    /** The windows of a grouped query result by the value of {@code tag}, each oldest first. */
    public static Map<String, List<UsageSample>> windowsByTag(QueryResult result, String tag, int maxSamples) {
        Map<String, List<UsageSample>> windows = new HashMap<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : r.getSeries()) {
                String id = s.getTags() == null ? null : s.getTags().get(tag);
                if (id == null || id.isEmpty()) {
                    continue;
                }
                windows.computeIfAbsent(id, k -> new ArrayList<>()).addAll(rows(s));
            }
        }
        windows.replaceAll((id, samples) -> newestOldestFirst(samples, maxSamples));
        return windows;
    }

    /**
     * The samples of a window query result, oldest first. A VM that changed host has one series per host: their
     * rows merge by time.
     */
    public static List<UsageSample> samplesOf(QueryResult result, int maxSamples) {
        List<UsageSample> samples = new ArrayList<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.getSeries() != null) {
                r.getSeries().forEach(s -> samples.addAll(rows(s)));
            }
        }
        return newestOldestFirst(samples, maxSamples);
    }

    private static List<UsageSample> rows(QueryResult.Series s) {
        List<String> columns = s.getColumns();
        int time = columns.indexOf("time");
        int cpu = columns.indexOf(FIELD_CPU);
        int memory = columns.indexOf(FIELD_MEMORY_MIB);
        List<UsageSample> samples = new ArrayList<>(s.getValues().size());
        for (List<Object> row : s.getValues()) {
            Object c = row.get(cpu);
            Object m = row.get(memory);
            if (c == null || m == null) {
                continue;
            }
            long micros = ((Number) row.get(time)).longValue();
            samples.add(UsageSample.of(Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                    ((Number) c).doubleValue(), ((Number) m).doubleValue()));
        }
        return samples;
    }

    private static List<UsageSample> newestOldestFirst(List<UsageSample> samples, int maxSamples) {
        samples.sort(Comparator.comparing(UsageSample::at));
        List<UsageSample> window = samples.subList(Math.max(0, samples.size() - maxSamples), samples.size());
        return Collections.unmodifiableList(new ArrayList<>(window));
    }

    static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private Query windowQuery(String database, String retentionPolicy, String measurement, String tag, String id,
                              int maxSamples) {
        String influxQl = "SELECT \"" + FIELD_CPU + "\", \"" + FIELD_MEMORY_MIB + "\" FROM \"" + retentionPolicy
                + "\".\"" + measurement + "\" WHERE \"" + TAG_CLUSTER + "\" = $cluster AND \"" + tag + "\" = $id"
                + " ORDER BY time DESC LIMIT " + maxSamples;
        return BoundParameterQuery.QueryBuilder.newQuery(influxQl)
                .forDatabase(database)
                .bind("cluster", cluster)
                .bind("id", id)
                .create();
    }

    private static Point withFields(Point.Builder b, UsageSample sample) {
        return b.addField(FIELD_CPU, sample.used().cpu())
                .addField(FIELD_MEMORY_MIB, sample.used().memoryMib())
                .build();
    }
}
