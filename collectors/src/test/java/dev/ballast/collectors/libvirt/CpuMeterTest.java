package dev.ballast.collectors.libvirt;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void coresAreTheCpuTimeDeltaOverTheWallTimeDelta() {
        CpuMeter meter = new CpuMeter();
        assertThat(meter.cores("a", 10 * SECOND, 100 * SECOND, 4)).isEmpty();
        meter.endRound();
        assertThat(meter.cores("a", 25 * SECOND, 110 * SECOND, 4).getAsDouble()).isEqualTo(1.5);
        meter.endRound();
        // never above the vCPUs (rounding between the two clocks)
        assertThat(meter.cores("a", 70 * SECOND, 120 * SECOND, 4).getAsDouble()).isEqualTo(4);
        meter.endRound();
        // the counter went back: the domain restarted
        assertThat(meter.cores("a", SECOND, 130 * SECOND, 4)).isEmpty();
    }

    @Test
    void forgetsDomainsNotSeenAndCarriesStaleHostsOver() {
        CpuMeter meter = new CpuMeter();
        meter.cores("h1|a", 0, 0, 1);
        meter.cores("h2|b", 0, 0, 1);
        meter.endRound();
        meter.carryOver("h2|");
        meter.endRound();
        assertThat(meter.cores("h1|a", SECOND, 2 * SECOND, 1)).as("h1|a was not seen last round").isEmpty();
        assertThat(meter.cores("h2|b", SECOND, 2 * SECOND, 1).getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void guestMemoryPrefersTheBalloonThenRssThenTheAllocation() {
        assertThat(GuestMemory.of(Map.of(GuestMemory.AVAILABLE, 2048L * 1024, GuestMemory.USABLE, 512L * 1024,
                GuestMemory.UNUSED, 256L * 1024, GuestMemory.RSS, 4096L * 1024), 2048))
                .isEqualTo(new GuestMemory.Used(1536, MemorySource.BALLOON));
        assertThat(GuestMemory.of(Map.of(GuestMemory.AVAILABLE, 2048L * 1024, GuestMemory.UNUSED, 256L * 1024), 2048))
                .isEqualTo(new GuestMemory.Used(1792, MemorySource.BALLOON));
        assertThat(GuestMemory.of(Map.of(GuestMemory.ACTUAL_BALLOON, 2048L * 1024, GuestMemory.RSS, 100L * 1024), 128))
                .isEqualTo(new GuestMemory.Used(100, MemorySource.RSS));
        assertThat(GuestMemory.of(Map.of(GuestMemory.RSS, 300L * 1024), 128))
                .as("QEMU's own overhead is not the guest's").isEqualTo(new GuestMemory.Used(128, MemorySource.RSS));
        assertThat(GuestMemory.of(Map.of(), 512)).isEqualTo(new GuestMemory.Used(512, MemorySource.ALLOCATION));
    }
}
