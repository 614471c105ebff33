package dev.ballast.collectors.collection;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.influx.InfluxMetricStore;
import dev.ballast.collectors.influx.InfluxServer;
import dev.ballast.collectors.influx.InfluxSettings;
import dev.ballast.collectors.libvirt.LibvirtClient;
import dev.ballast.collectors.libvirt.LibvirtCollector;
import dev.ballast.collectors.libvirt.LibvirtSettings;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The whole path: libvirt (its test driver) → collection loop → a real InfluxDB → the windows the predictors read. */
class LibvirtIntoInfluxTest {
    @Test
    void roundsLandInInfluxDbWithTheHostTag() throws Exception {
        LibvirtClient.ensureInstalled();
        try (InfluxServer server = InfluxServer.start();
             InfluxMetricStore store = new InfluxMetricStore(InfluxSettings.of(server.url()).withDatabase("e2e"));
             CollectionLoop loop = new CollectionLoop(
                     new LibvirtCollector(new LibvirtSettings(List.of("test:///default"), Duration.ofSeconds(10))),
                     store, Duration.ofSeconds(10))) {
            HostId host = null;
            for (int i = 0; i < 3; i++) {
                host = loop.collectNow().snapshot().hosts().getFirst().id();
                Thread.sleep(200);
            }
            List<UsageSample> window = store.vmWindow(VmId.of("test"), 10);
            assertThat(window).as("no sample in the first round").hasSize(2);
            assertThat(window.get(1).used().cpu()).isCloseTo(1.0, within(0.1));
            assertThat(window.get(1).used().memoryMib()).isEqualTo(1024);
            assertThat(store.hostWindow(host, 10)).hasSize(2);
            try (InfluxDB raw = InfluxDBFactory.connect(server.url())) {
                var tags = raw.query(new Query("SHOW TAG VALUES FROM \"vm_usage\" WITH KEY = \"host\"", "e2e"));
                assertThat(tags.getResults().get(0).getSeries().get(0).getValues())
                        .containsExactly(List.of("host", host.value()));
            }
        }
    }
}
