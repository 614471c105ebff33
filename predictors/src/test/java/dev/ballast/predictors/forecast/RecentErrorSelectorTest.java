package dev.ballast.predictors.forecast;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RecentErrorSelectorTest {

    @Test
    void picksTheTrendModelOnARamp() {
        // history 1,2,3,4,5; error window 4 replays the forecasts of 2,3,4,5:
        //   last value forecasts 1,2,3,4 -> under by 1 each, cost 3*4 = 12 with under weight 3
        //   holt forecasts 1 (from [1]: no trend yet), then 3,4,5 exactly -> cost 3*1 = 3
        Holt holt = new Holt(0.5, 0.5, 96);
        RecentErrorSelector selector = new RecentErrorSelector(List.of(new LastValue(), holt), 4, ForecastLoss.slaWeighted());
        double[] ramp = {1, 2, 3, 4, 5};
        assertThat(selector.chosen(ramp)).isEqualTo(holt);
        assertThat(selector.next(ramp)).isCloseTo(6, within(1e-12));
    }

    @Test
    void picksTheSteadyModelOnANoisyFlatSeries() {
        // alternating 0.2 / 0.6: last value is always wrong by 0.4; the percentile of the window covers it
        double[] zigzag = new double[30];
        for (int i = 0; i < zigzag.length; i++) {
            zigzag[i] = i % 2 == 0 ? 0.2 : 0.6;
        }
        WindowPercentile p100 = new WindowPercentile(6, 100);
        RecentErrorSelector selector = new RecentErrorSelector(List.of(new LastValue(), p100), 12, ForecastLoss.slaWeighted());
        assertThat(selector.chosen(zigzag)).isEqualTo(p100);
    }

    @Test
    void replayFromPrecomputedForecastsMakesTheSameChoice() {
        Random random = new Random(11);
        List<Estimator> candidates = List.of(new LastValue(), new Ewma(0.3), FastUpSlowDown.paperDefaults(), Holt.defaults(),
                new WindowPercentile(12, 95));
        RecentErrorSelector selector = new RecentErrorSelector(candidates, 6, ForecastLoss.slaWeighted());
        for (int run = 0; run < 5; run++) {
            double[] series = new double[160];
            double level = 0.3;
            for (int i = 0; i < series.length; i++) {
                level = Math.max(0, Math.min(1, level + 0.05 * random.nextGaussian()));
                series[i] = level;
            }
            double[][] forecasts = new double[candidates.size()][series.length];
            for (int c = 0; c < candidates.size(); c++) {
                for (int j = 1; j < series.length; j++) {
                    forecasts[c][j] = candidates.get(c).next(Arrays.copyOf(series, j));
                }
            }
            for (int t = 1; t < series.length; t++) {
                Estimator stateless = selector.chosen(Arrays.copyOf(series, t));
                assertThat(candidates.get(selector.choose(forecasts, series, t))).as("t=%d", t).isEqualTo(stateless);
            }
        }
    }

    @Test
    void badConfigurationIsNamed() {
        assertThatThrownBy(() -> new RecentErrorSelector(List.of(), 4, ForecastLoss.slaWeighted())).hasMessageContaining("candidate");
        assertThatThrownBy(() -> new RecentErrorSelector(List.of(new LastValue()), 0, ForecastLoss.slaWeighted())).hasMessageContaining("errorWindow");
        assertThatThrownBy(() -> new ForecastLoss(-1, 1)).hasMessageContaining("under=-1");
    }
}
