package dev.ballast.collectors.libvirt;

import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.collection.CollectionLoop;
import dev.ballast.collectors.collection.CollectionRound;
import dev.ballast.collectors.collection.StaleSource;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Against libvirt's built-in test driver ({@code test:///default}: one running domain "test" with 2 vCPUs, 2 GiB
 * of 8 GiB, balloon statistics, and a CPU time that advances with the wall clock). The real hypervisors are in
 * {@link LibvirtTestbedTest}.
 */
class LibvirtCollectorTest {
    private static final String TEST_URI = "test:///default";

    @BeforeAll
    static void libvirtClientLibrary() throws Exception {
        LibvirtClient.ensureInstalled();
    }

    @Test
    void readsHostInventoryDomainsAndUsageFromTheSecondRoundOn() throws Exception {
        LibvirtSettings settings = new LibvirtSettings(List.of(TEST_URI), Duration.ofSeconds(10));
        try (LibvirtCollector collector = new LibvirtCollector(settings)) {
            CollectionRound first = collector.collect();
            assertThat(first.stale()).isEmpty();
            Host host = first.snapshot().hosts().getFirst();
            assertThat(host.capacity()).isEqualTo(Resources.of(16, 3072));
            assertThat(host.labels()).containsEntry("cpu.mhz", "1400").containsEntry("libvirt.uri", TEST_URI);
            Vm vm = first.snapshot().vm(VmId.of("test")).orElseThrow();
            assertThat(vm.size()).isEqualTo(Resources.of(2, 2048));
            assertThat(vm.host()).isEqualTo(host.id());
            assertThat(vm.labels()).containsEntry("libvirt.uuid", "6695eb01-f6a4-8304-79aa-97f2502e193f")
                    .containsEntry("libvirt.state", "RUNNING").containsEntry("libvirt.memory.max.mib", "8192");
            assertThat(first.vmUsage()).as("no CPU delta yet").isEmpty();
            assertThat(first.hostUsage()).isEmpty();

            Thread.sleep(300);
            CollectionRound second = collector.collect();
            var usage = second.vmUsage().get(VmId.of("test"));
            // the test driver's CPU time is the wall clock: one core busy
            assertThat(usage.used().cpu()).isCloseTo(1.0, within(0.1));
            // balloon: available 2 GiB - usable 1 GiB
            assertThat(usage.used().memoryMib()).isEqualTo(1024);
            assertThat(second.snapshot().vm(VmId.of("test")).orElseThrow().labels())
                    .containsEntry("libvirt.memory.source", "BALLOON");
            assertThat(second.hostUsage().get(host.id()).used()).isEqualTo(usage.used());
        }
    }

    @Test
    void anUnreachableHostIsStaleWhileTheOthersAreCollected() {
        String missing = "qemu+unix:///system?socket=/nonexistent/ballast/libvirt-sock";
        LibvirtSettings settings = new LibvirtSettings(List.of(missing, TEST_URI), Duration.ofSeconds(5));
        try (LibvirtCollector collector = new LibvirtCollector(settings)) {
            CollectionRound round = collector.collect();
            assertThat(round.snapshot().hosts()).hasSize(1);
            assertThat(round.snapshot().vm(VmId.of("test"))).isPresent();
            assertThat(round.stale()).singleElement().satisfies(s -> {
                assertThat(s.source()).isEqualTo(missing);
                assertThat(s.lastHost()).isEmpty();
                assertThat(s.reason()).contains("/nonexistent/ballast/libvirt-sock");
            });
            StaleSource first = round.stale().getFirst();
            assertThat(collector.collect().stale().getFirst().since()).as("stale since the first failure")
                    .isEqualTo(first.since());
        }
    }

    @Test
    void aHostThatDoesNotAnswerIsStaleAfterTheScanTimeoutAndNotScannedTwiceAtOnce() throws Exception {
        // a loopback listener that accepts the connection and never answers libvirt's handshake
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            String hung = "qemu+tcp://127.0.0.1:" + silent.getLocalPort() + "/system";
            LibvirtSettings settings = new LibvirtSettings(List.of(hung, TEST_URI), Duration.ofSeconds(10),
                    Duration.ofMillis(500), LibvirtSettings.DEFAULT_POWER);
            java.net.Socket accepted;
            try (LibvirtCollector collector = new LibvirtCollector(settings)) {
                long t0 = System.nanoTime();
                CollectionRound first = collector.collect();
                accepted = silent.accept();
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
                assertThat(first.snapshot().vm(VmId.of("test"))).isPresent();
                assertThat(first.stale()).singleElement().satisfies(s ->
                        assertThat(s.reason()).contains("scan timeout of PT0.5S"));
                assertThat(collector.collect().stale()).singleElement().satisfies(s ->
                        assertThat(s.reason()).contains("previous scan has not finished"));
                // the peer goes away: the hung scan fails, and the next round tries again
                accepted.close();
                silent.close();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                CollectionRound later;
                do {
                    Thread.sleep(100);
                    later = collector.collect();
                } while (later.stale().getFirst().reason().contains("previous scan") && System.nanoTime() < deadline);
                assertThat(later.stale()).singleElement().satisfies(s ->
                        assertThat(s.reason()).doesNotContain("previous scan"));
            }
        }
    }

    @Test
    void aDomainThatVanishesMidScanIsLeftOut() throws Exception {
        // test:///default is one state per process: this test adds and removes a domain of its own
        Connect shared = new Connect(TEST_URI, false);
        try (HostScanner scanner = new HostScanner(TEST_URI, uri -> shared, Clock.systemUTC())) {
            Domain listed = shared.domainCreateXML("<domain type='test'><name>vanishing</name>"
                    + "<memory unit='MiB'>256</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>", 0);
            assertThat(scanner.scan().domains()).extracting(DomainInventory::name).contains("vanishing");
            // between listing and reading, the transient domain is destroyed: it no longer exists
            shared.domainLookupByName("vanishing").destroy();
            assertThat(scanner.read(listed)).isEmpty();
            assertThat(scanner.scan().domains()).extracting(DomainInventory::name).doesNotContain("vanishing");
        }
    }

    @Test
    void aLoopWritesEachRoundIntoTheStoreWithTheHost() throws Exception {
        InMemoryMetricStore store = new InMemoryMetricStore();
        LibvirtSettings settings = new LibvirtSettings(List.of(TEST_URI), Duration.ofMillis(100));
        try (CollectionLoop loop = new CollectionLoop(new LibvirtCollector(settings), store, settings.interval())) {
            loop.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (store.vmWindow(VmId.of("test"), 10).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(store.vmWindow(VmId.of("test"), 10)).hasSizeGreaterThanOrEqualTo(2);
            HostId host = loop.latest().orElseThrow().snapshot().hosts().getFirst().id();
            assertThat(store.hostWindow(host, 10)).isNotEmpty();
            assertThat(loop.failedRounds()).isZero();
        }
    }
}
