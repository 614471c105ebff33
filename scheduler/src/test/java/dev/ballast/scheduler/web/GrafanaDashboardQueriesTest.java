package dev.ballast.scheduler.web;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.influx.InfluxMetricStore;
import dev.ballast.collectors.metrics.MigrationRecord;
import dev.ballast.collectors.influx.InfluxSettings;
import dev.ballast.collectors.influx.UsageSchema;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every InfluxQL query of the Grafana dashboards (dashboards/src/main/resources/grafana/dashboards), panels and
 * template variables alike, run against a real influxd (started by collectors/scripts/influx-start.sh on loopback)
 * holding four hours of a small simulated cluster written through {@link InfluxMetricStore}, with one live migration
 * so a VM has samples under two hosts. Grafana's macros and variables are replaced as Grafana does for an absolute
 * time range; each query must parse and return series with values: a wrong measurement, field or tag name fails.
 */
class GrafanaDashboardQueriesTest {
    private static final Path GRAFANA = Path.of("dashboards", "src", "main", "resources", "grafana");
    private static final String DATABASE = "ballast_grafana";
    private static final String CLUSTER = "lab";
    private static final int INTERVALS = 48;
    private static final Pattern STARTED = Pattern.compile("pid=(\\d+) port=(\\d+)");

    private static Path dataDir;
    private static InfluxDB influx;
    private static Instant first;
    private static Instant last;
    private static VmId migrated;
    private static HostId migratedTo;
    private static List<String> hostNames;

    @BeforeAll
    static void startInfluxAndFillIt() throws Exception {
        ProjectScripts.Result install = ProjectScripts.run("collectors/scripts/influx-install.sh");
        Assumptions.assumeTrue(install.rc() == 0, () -> "InfluxDB is not installed and could not be installed (run"
                + " collectors/scripts/influx-install.sh as root): " + install.output());
        dataDir = Files.createTempDirectory("ballast-grafana-influx-");
        ProjectScripts.Result started = ProjectScripts.run("collectors/scripts/influx-start.sh", dataDir.toString());
        Matcher m = STARTED.matcher(started.output());
        if (started.rc() != 0 || !m.find()) {
            throw new IllegalStateException("influx-start.sh " + dataDir + " failed (rc " + started.rc() + "): " + started.output());
        }
        String url = "http://127.0.0.1:" + m.group(2);

        // The simulator computes usage into memory; every interval is then written to InfluxDB with the placement of
        // the moment, as the collection loop does (the simulator's own writes carry no host tag on VM samples).
        // It starts four hours ago: the store's retention policy (30 days) drops older points, as it would a real collector's.
        SimulatedClusterSpec d = SimulatedClusterSpec.defaults().withSize(4, 12).withSeed(7);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(d.interval().multipliedBy(INTERVALS));
        SimulatedCluster cluster = SimulatedCluster.generate(
                new SimulatedClusterSpec(d.hosts(), d.vms(), d.seed(), d.hostCapacity(), d.hostPower(), d.interval(), start),
                new InMemoryMetricStore());
        hostNames = cluster.snapshot().hosts().stream().map(h -> h.id().value()).sorted().toList();
        try (InfluxMetricStore store = new InfluxMetricStore(InfluxSettings.of(url).withDatabase(DATABASE).withCluster(CLUSTER))) {
            for (int i = 0; i < INTERVALS; i++) {
                if (i == INTERVALS / 2) {
                    HostId from = migrateOneVm(cluster);
                    // As the scheduler's DashboardFeed records a finished migration.
                    store.writeMigration(new MigrationRecord(cluster.now(), migrated, from, migratedTo, 2048, 3.5, "SUCCEEDED"));
                }
                cluster.advance(1);
                ClusterSnapshot now = cluster.snapshot();
                Map<VmId, UsageSample> vmSamples = new LinkedHashMap<>();
                Map<VmId, HostId> placement = new HashMap<>();
                for (Vm vm : now.vms()) {
                    vmSamples.put(vm.id(), cluster.store().vmWindow(vm.id(), 1).getFirst());
                    placement.put(vm.id(), vm.host());
                }
                Map<HostId, UsageSample> hostSamples = new LinkedHashMap<>();
                for (Host host : now.hosts()) {
                    if (host.state() == HostState.ON) {
                        hostSamples.put(host.id(), cluster.store().hostWindow(host.id(), 1).getFirst());
                    }
                }
                store.writeAll(vmSamples, placement, hostSamples);
                // As the scheduler's DashboardFeed writes them: each VM's forecast and each host's power state.
                for (Vm vm : now.vms()) {
                    store.writeVmForecast(vm.id(), vm.host(), new UsageSample(now.takenAt(), vmSamples.get(vm.id()).used().times(1.1)));
                }
                for (Host host : now.hosts()) {
                    store.writeHostState(host.id(), now.takenAt(), host.state().name(), host.state() == HostState.ON ? 150 : 0);
                }
                first = first == null ? now.takenAt() : first;
                last = now.takenAt();
            }
            assertThat(store.flush(Duration.ofSeconds(30))).as("all points written").isTrue();
            assertThat(store.droppedPoints()).as("points dropped, stats %s", store.stats()).isZero();
        }
        influx = InfluxDBFactory.connect(url);
    }

    private static HostId migrateOneVm(SimulatedCluster cluster) {
        ClusterSnapshot now = cluster.snapshot();
        Vm vm = now.vms().stream().min(Comparator.comparing(v -> v.size().memoryMib())).orElseThrow();
        Host target = now.hosts().stream().filter(h -> !h.id().equals(vm.host()) && h.state() == HostState.ON)
                .findFirst().orElseThrow();
        cluster.beginMigration(vm.id(), target.id());
        cluster.completeMigration(vm.id());
        migrated = vm.id();
        migratedTo = target.id();
        return vm.host();
    }

    @AfterAll
    static void stopInflux() throws Exception {
        if (influx != null) {
            influx.close();
        }
        if (dataDir != null) {
            ProjectScripts.Result stopped = ProjectScripts.run("collectors/scripts/influx-stop.sh", dataDir.toString(), "--purge");
            assertThat(stopped.rc()).as("influx-stop.sh: %s", stopped.output()).isZero();
        }
    }

    record DashboardQuery(String dashboard, String where, String influxQl) {
    }

    @Test
    void everyDashboardQueryParsesAndReturnsSeries() throws Exception {
        List<DashboardQuery> queries = dashboardQueries();
        assertThat(queries.stream().map(DashboardQuery::dashboard).distinct())
                .containsExactlyInAnyOrder("ballast-cluster-overview.json", "ballast-host-utilization.json", "ballast-vm-usage.json");
        assertThat(queries).hasSizeGreaterThanOrEqualTo(20);
        for (DashboardQuery q : queries) {
            String influxQl = substitute(q.influxQl());
            QueryResult result = influx.query(new Query(influxQl, DATABASE));
            String what = q.dashboard() + " " + q.where() + ": " + influxQl;
            assertThat(result.getError()).as(what).isNull();
            assertThat(result.getResults()).as(what).isNotEmpty().allSatisfy(r -> {
                assertThat(r.getError()).as(what).isNull();
                assertThat(r.getSeries()).as("series of " + what).isNotEmpty();
                assertThat(r.getSeries()).as("values of " + what).anySatisfy(s ->
                        assertThat(s.getValues()).anySatisfy(row -> assertThat(row.subList(row.size() - 1, row.size())).doesNotContainNull()));
            });
        }
    }

    @Test
    void templateVariablesOfferTheClusterHostsAndVms() {
        assertThat(tagValues("SHOW TAG VALUES FROM \"host_usage\" WITH KEY = \"cluster\"")).containsExactly(CLUSTER);
        assertThat(tagValues(substitute("SHOW TAG VALUES FROM \"host_usage\" WITH KEY = \"host\" WHERE \"cluster\" =~ /^$cluster$/")))
                .containsExactlyElementsOf(hostNames);
        // The migrated VM's samples are found under both hosts it ran on.
        QueryResult byHost = influx.query(new Query(substitute(
                "SELECT count(\"memory_mib\") FROM \"vm_usage\" WHERE \"cluster\" =~ /^$cluster$/ AND \"vm\" =~ /^$vm$/ AND $timeFilter GROUP BY \"host\""), DATABASE));
        assertThat(byHost.getResults().getFirst().getSeries()).hasSize(2)
                .anySatisfy(s -> assertThat(s.getTags()).containsEntry("host", migratedTo.value()));
    }

    @Test
    void dashboardsUseTheProvisionedDataSourceAndTheSchemaNames() throws Exception {
        String datasources = Files.readString(ProjectScripts.root().resolve(GRAFANA).resolve("provisioning/datasources/ballast-influxdb.yaml"));
        assertThat(datasources).contains("uid: ballast-influxdb").contains("type: influxdb");
        for (DashboardQuery q : dashboardQueries()) {
            assertThat(q.influxQl()).as(q.dashboard() + " " + q.where())
                    .containsAnyOf("\"" + UsageSchema.HOST_MEASUREMENT + "\"", "\"" + UsageSchema.VM_MEASUREMENT + "\"",
                            "\"" + UsageSchema.FORECAST_MEASUREMENT + "\"", "\"" + UsageSchema.MIGRATION_MEASUREMENT + "\"",
                            "\"" + UsageSchema.HOST_STATE_MEASUREMENT + "\"");
        }
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = read(file);
            List<JsonNode> sources = new ArrayList<>();
            collect(dashboard, "datasource", sources);
            assertThat(sources).as(file + " data sources").isNotEmpty()
                    .allSatisfy(ds -> assertThat(ds.get("uid").getStringValue()).isEqualTo("ballast-influxdb"));
        }
    }

    private static List<String> tagValues(String influxQl) {
        QueryResult r = influx.query(new Query(influxQl, DATABASE));
        assertThat(r.getResults().getFirst().getError()).as(influxQl).isNull();
        return r.getResults().getFirst().getSeries().getFirst().getValues().stream().map(row -> (String) row.get(1)).toList();
    }

    /** What Grafana sends for an absolute time range over the data, one cluster, one host, one VM, a 15-minute interval. */
    private static String substitute(String influxQl) {
        String s = influxQl
                .replace("$timeFilter", "time >= " + first.toEpochMilli() + "ms and time <= " + last.toEpochMilli() + "ms")
                .replace("$__interval", "15m")
                .replace("$cluster", CLUSTER)
                .replace("$host", migratedTo.value())
                .replace("$vm", migrated.value());
        // "$" alone ends a regex (/^lab$/); "$name" or "${name}" would be a Grafana variable left unreplaced.
        assertThat(s).as("a variable the test does not know in: %s", influxQl).doesNotContainPattern("\\$[A-Za-z_{]");
        return s;
    }

    private static List<Path> dashboardFiles() throws Exception {
        try (Stream<Path> files = Files.list(ProjectScripts.root().resolve(GRAFANA).resolve("dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode read(Path file) throws Exception {
        return JsonMapper.createDefault().readValue(Files.readAllBytes(file), JsonNode.class);
    }

    /** Panel targets (which must be raw InfluxQL, so none escapes this test) and template variables, in file order. */
    private static List<DashboardQuery> dashboardQueries() throws Exception {
        List<DashboardQuery> queries = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonNode d = read(file);
            String name = file.getFileName().toString();
            for (JsonNode panel : d.get("panels").values()) {
                JsonNode targets = panel.get("targets");
                if (targets == null) {
                    continue;
                }
                for (JsonNode t : targets.values()) {
                    String where = "panel \"" + panel.get("title").getStringValue() + "\" target " + t.get("refId").getStringValue();
                    assertThat(t.get("rawQuery")).as(name + " " + where + " rawQuery").isNotNull();
                    assertThat(t.get("rawQuery").getBooleanValue()).as(name + " " + where + " must be raw InfluxQL").isTrue();
                    queries.add(new DashboardQuery(name, where, t.get("query").getStringValue()));
                }
            }
            for (JsonNode v : d.get("templating").get("list").values()) {
                queries.add(new DashboardQuery(name, "variable " + v.get("name").getStringValue(), v.get("query").getStringValue()));
            }
        }
        assertThat(queries).allSatisfy(q -> assertThat(q.influxQl()).isNotBlank());
        return queries;
    }

    private static void collect(JsonNode node, String key, List<JsonNode> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                if (e.getKey().equals(key)) {
                    found.add(Objects.requireNonNull(e.getValue()));
                } else {
                    collect(e.getValue(), key, found);
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(v -> collect(v, key, found));
        }
    }
}
