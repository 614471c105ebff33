package dev.ballast.collectors.metrics;

import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryMetricStoreTest {
    private static final VmId VM = VmId.of("vm-1");

    @Test
    void keepsTheLastSamplesOfEachSeriesOldestFirst() {
        InMemoryMetricStore store = new InMemoryMetricStore(3);
        for (int i = 0; i < 5; i++) {
            store.writeVmUsage(VM, UsageSample.of(Instant.ofEpochSecond(i * 300L), i, 100));
        }
        assertThat(store.vmWindow(VM, 10)).extracting(s -> s.used().cpu()).containsExactly(2.0, 3.0, 4.0);
        assertThat(store.vmWindow(VM, 2)).extracting(s -> s.used().cpu()).containsExactly(3.0, 4.0);
        assertThat(store.vmWindow(VmId.of("unknown"), 2)).isEmpty();
    }

    @Test
    void dropsASampleThatIsNotNewerThanTheLastOne() {
        InMemoryMetricStore store = new InMemoryMetricStore();
        store.writeVmUsage(VM, UsageSample.of(Instant.ofEpochSecond(600), 1, 100));
        store.writeVmUsage(VM, UsageSample.of(Instant.ofEpochSecond(300), 9, 100));
        store.writeVmUsage(VM, UsageSample.of(Instant.ofEpochSecond(600), 9, 100));
        assertThat(store.vmWindow(VM, 10)).extracting(s -> s.used().cpu()).containsExactly(1.0);
    }
}
