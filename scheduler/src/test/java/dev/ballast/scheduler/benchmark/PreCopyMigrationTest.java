package dev.ballast.scheduler.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PreCopyMigrationTest {
    private final PreCopyMigration preCopy = new PreCopyMigration(0.3, 30);

    @Test
    void aGuestThatWritesNothingIsCopiedOnceWithoutDowntime() {
        PreCopyMigration.Estimate e = preCopy.estimate(1000, 0, 62.5);
        assertThat(e.rounds()).isEqualTo(1);
        assertThat(e.seconds()).isEqualTo(16.0);
        assertThat(e.downtimeSeconds()).isZero();
        assertThat(e.copiedMb()).isEqualTo(1000.0);
    }

    @Test
    void roundsShrinkByTheDirtyToBandwidthRatioUntilTheRestFitsTheDowntimeLimit() {
        // ρ = 12.5 / 62.5 = 0.2: rounds of 1000, 200, 40 MB (16, 3.2, 0.64 s); the 8 MB left take 0.128 s <= 0.3 s
        PreCopyMigration.Estimate e = preCopy.estimate(1000, 12.5, 62.5);
        assertThat(e.rounds()).isEqualTo(3);
        assertThat(e.downtimeSeconds()).isCloseTo(0.128, within(1e-9));
        assertThat(e.seconds()).isCloseTo(16 + 3.2 + 0.64 + 0.128, within(1e-9));
        // the closed form: M/B · (1 − ρ^(n+1)) / (1 − ρ)
        assertThat(e.seconds()).isCloseTo(16 * (1 - Math.pow(0.2, 4)) / 0.8, within(1e-9));
        assertThat(e.copiedMb()).isCloseTo(1248, within(1e-9));
    }

    @Test
    void aGuestDirtyingAsFastAsTheLinkIsStoppedAfterTheFirstRoundAndCopiedWhole() {
        PreCopyMigration.Estimate e = preCopy.estimate(500, 100, 62.5);
        assertThat(e.rounds()).isEqualTo(1);
        assertThat(e.downtimeSeconds()).isEqualTo(8.0);
        assertThat(e.seconds()).isEqualTo(16.0);
    }

    @Test
    void slowConvergenceStopsAtTheRoundLimit() {
        PreCopyMigration.Estimate e = new PreCopyMigration(0.3, 5).estimate(1000, 0.9 * 62.5, 62.5);
        assertThat(e.rounds()).isEqualTo(5);
        assertThat(e.downtimeSeconds()).isCloseTo(1000 * Math.pow(0.9, 5) / 62.5, within(1e-9));
    }

    @Test
    void badInputNamesTheValues() {
        assertThatThrownBy(() -> preCopy.estimate(-1, 0, 62.5)).hasMessageContaining("-1.0");
        assertThatThrownBy(() -> preCopy.estimate(1, 0, 0)).hasMessageContaining("bandwidth > 0").hasMessageContaining("0.0");
        assertThatThrownBy(() -> new PreCopyMigration(0, 30)).hasMessageContaining("downtimeLimitSeconds > 0");
    }
}
