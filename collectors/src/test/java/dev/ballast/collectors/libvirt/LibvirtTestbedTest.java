package dev.ballast.collectors.libvirt;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.collection.CollectionRound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against real libvirtd hosts with QEMU guests (the project's testbed, two hosts in network namespaces): a guest
 * that rewrites a 96 MiB file every second on host 1, an idle one on host 2.
 */
class LibvirtTestbedTest {
    /** Large enough that the QEMU processes' RSS (about 210 MiB for an idle guest here) stays below it. */
    private static final int GUEST_MIB = 512;
    private static Testbed testbed;

    @BeforeAll
    static void bringUp() throws Exception {
        testbed = Testbed.up("btcol", 2);
        testbed.guest(1, "busy", GUEST_MIB, 96);
        testbed.guest(2, "idle", GUEST_MIB, 0);
        testbed.waitHeartbeat("busy");
        testbed.waitHeartbeat("idle");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void seesEachGuestOnItsHostMeasuresCpuAndMemoryAndMarksAStoppedHostStale() throws Exception {
        LibvirtSettings settings = new LibvirtSettings(testbed.uris(), Duration.ofSeconds(10));
        HostId h1 = HostId.of(testbed.hostname(1));
        HostId h2 = HostId.of(testbed.hostname(2));
        try (LibvirtCollector collector = new LibvirtCollector(settings)) {
            CollectionRound first = collector.collect();
            assertThat(first.stale()).isEmpty();
            assertThat(first.snapshot().placement())
                    .containsEntry(VmId.of("busy"), h1).containsEntry(VmId.of("idle"), h2);
            // every testbed host runs on this machine: they report its CPUs and memory
            assertThat(first.snapshot().host(h1).orElseThrow().capacity())
                    .isEqualTo(first.snapshot().host(h2).orElseThrow().capacity());
            assertThat(first.snapshot().host(h1).orElseThrow().capacity().memoryMib()).isGreaterThan(512);
            assertThat(first.snapshot().vm(VmId.of("busy")).orElseThrow().size().memoryMib()).isEqualTo(GUEST_MIB);

            Thread.sleep(3_000);
            CollectionRound second = collector.collect();
            UsageSample busy = second.vmUsage().get(VmId.of("busy"));
            UsageSample idle = second.vmUsage().get(VmId.of("idle"));
            System.out.printf("testbed usage: busy %s, idle %s%n", busy.used(), idle.used());
            assertThat(busy.used().cpu()).isGreaterThan(idle.used().cpu()).isLessThanOrEqualTo(1.0);
            assertThat(idle.used().cpu()).isGreaterThanOrEqualTo(0);
            // no balloon in these guests: the QEMU process's RSS, below the allocation, and the busy guest's 96 MiB
            // file shows
            for (UsageSample s : new UsageSample[] {busy, idle}) {
                assertThat(s.used().memoryMib()).isGreaterThan(16).isLessThan(GUEST_MIB);
            }
            assertThat(busy.used().memoryMib()).isGreaterThan(idle.used().memoryMib() + 32);
            assertThat(second.snapshot().vm(VmId.of("busy")).orElseThrow().labels())
                    .containsEntry("libvirt.memory.source", "RSS");
            assertThat(second.hostUsage().get(h1).used()).isEqualTo(busy.used());

            testbed.stopHost(2);
            CollectionRound third = collector.collect();
            assertThat(third.stale()).singleElement().satisfies(s -> {
                assertThat(s.source()).isEqualTo(testbed.uri(2));
                assertThat(s.lastHost()).isEqualTo(Optional.of(h2));
            });
            assertThat(third.isStale(h2)).isTrue();
            assertThat(third.isStale(h1)).isFalse();
            assertThat(third.vmUsage()).containsKey(VmId.of("busy")).doesNotContainKey(VmId.of("idle"));
            // its guest keeps running without libvirtd: it stays where it was last seen
            assertThat(third.snapshot().placement()).containsEntry(VmId.of("idle"), h2);

            testbed.startHost(2);
            CollectionRound fourth = collector.collect();
            assertThat(fourth.stale()).isEmpty();
            assertThat(fourth.vmUsage()).containsKeys(VmId.of("busy"), VmId.of("idle"));
        }
    }
}
