package dev.ballast.predictors.forecast;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SeriesCleanerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final SeriesCleaner cleaner = SeriesCleaner.defaults(); // 300 s, gaps of up to 3 intervals interpolated

    private static Observation at(long seconds, double value) {
        return new Observation(T0.plusSeconds(seconds), value);
    }

    @Test
    void nanIsSkippedAndInterpolated() {
        CleanSeries s = cleaner.clean(List.of(at(0, 1), at(300, Double.NaN), at(600, 3)));
        assertThat(s.values()).containsExactly(1, 2, 3);
        assertThat(s.report()).isEqualTo(new CleaningReport(1, 0, 0, 0, 1, 0));
        assertThat(s.newestAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void negativeIsSkippedAndInterpolated() {
        CleanSeries s = cleaner.clean(List.of(at(0, 1), at(300, -5), at(600, 3)));
        assertThat(s.values()).containsExactly(1, 2, 3);
        assertThat(s.report()).isEqualTo(new CleaningReport(0, 1, 0, 0, 1, 0));
    }

    @Test
    void outOfOrderIsPutBackInTimeOrder() {
        // arrival 600, 0, 300: the last two arrive earlier in time than 600
        CleanSeries s = cleaner.clean(List.of(at(600, 3), at(0, 1), at(300, 2)));
        assertThat(s.values()).containsExactly(1, 2, 3);
        assertThat(s.report().outOfOrder()).isEqualTo(2);
    }

    @Test
    void twoReadingsInOneIntervalAreAveraged() {
        // newest at 310; 300 is 10 s before it (same interval): (2 + 4)/2 = 3; 0 is 310 s before (previous interval)
        CleanSeries s = cleaner.clean(List.of(at(0, 1), at(300, 2), at(310, 4)));
        assertThat(s.values()).containsExactly(1, 3);
        assertThat(s.report().sameInterval()).isEqualTo(1);
    }

    @Test
    void shortGapIsInterpolated() {
        // 600 and 900 missing (2 intervals <= 3): between 2 (at 300) and 5 (at 1200): 3 and 4
        CleanSeries s = cleaner.clean(List.of(at(0, 1), at(300, 2), at(1200, 5)));
        assertThat(s.values()).containsExactly(1, 2, 3, 4, 5);
        assertThat(s.report().interpolated()).isEqualTo(2);
    }

    @Test
    void longGapCutsTheHistory() {
        // 300 -> 3000 misses 8 intervals > 3: the two samples before the gap are dropped
        CleanSeries s = cleaner.clean(List.of(at(0, 1), at(300, 2), at(3000, 5), at(3300, 6)));
        assertThat(s.values()).containsExactly(5, 6);
        assertThat(s.report().cutBeforeGap()).isEqualTo(2);
    }

    @Test
    void nothingValidGivesAnEmptySeries() {
        CleanSeries s = cleaner.clean(List.of(at(0, Double.NaN), at(300, Double.POSITIVE_INFINITY)));
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.newest()).isEmpty();
        assertThat(s.report().nonFinite()).isEqualTo(2);
    }

    @Test
    void regularSeriesWithMissingMarks() {
        // NaN and -1 mark missing intervals: [1, NaN, -1, 4] -> [1, 2, 3, 4]
        assertThat(cleaner.cleanRegular(new double[] {1, Double.NaN, -1, 4})).containsExactly(1, 2, 3, 4);
        // four missing in a row (> 3): only what follows survives
        assertThat(cleaner.cleanRegular(new double[] {1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 6, 7})).containsExactly(6, 7);
    }

    @Test
    void staleForecastIsFlagged() {
        Forecast f = new Forecast(dev.ballast.collectors.cluster.Resources.of(1, 1), T0, 5);
        assertThat(f.staleAt(T0.plusSeconds(600), Duration.ofMinutes(15))).isFalse();
        assertThat(f.staleAt(T0.plusSeconds(1000), Duration.ofMinutes(15))).isTrue();
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new SeriesCleaner(Duration.ZERO, 3)).hasMessageContaining("step").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> new SeriesCleaner(Duration.ofMinutes(5), -1)).hasMessageContaining("maxInterpolatedGap").hasMessageContaining("-1");
    }

    @Test
    void keepsOnlyTheNewestIntervalsAskedFor() {
        long[] micros = {0, 300_000_000L, 1_200_000_000L, 1_500_000_000L};
        // grid: 1, 2, (3, 4 interpolated), 5, 6 -> the newest three are 4, 5, 6
        CleanSeries s = cleaner.clean(micros, new double[] {1, 2, 5, 6}, 3);
        assertThat(s.values()).containsExactly(4, 5, 6);
        assertThatThrownBy(() -> cleaner.clean(micros, new double[] {1, 2, 5, 6}, 0)).hasMessageContaining("maxValues");
        assertThatThrownBy(() -> cleaner.clean(micros, new double[] {1}, 3)).hasMessageContaining("4 times for 1 values");
    }

    @Test
    void interpolationIsLinearBetweenNeighbours() {
        CleanSeries s = cleaner.clean(List.of(at(0, 0), at(1200, 1)));
        assertThat(s.values()).hasSize(5);
        assertThat(s.values()[1]).isCloseTo(0.25, within(1e-12));
    }
}
