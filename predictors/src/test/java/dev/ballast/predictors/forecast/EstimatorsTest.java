package dev.ballast.predictors.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EstimatorsTest {

    @Test
    void lastValue() {
        assertThat(new LastValue().next(new double[] {1, 2, 3})).isEqualTo(3);
    }

    @Test
    void ewma() {
        // alpha 0.5: E0 = 0; E1 = 0.5*4 + 0.5*0 = 2; E2 = 0.5*8 + 0.5*2 = 5
        assertThat(new Ewma(0.5).next(new double[] {0, 4, 8})).isCloseTo(5, within(1e-12));
        // 0.5^k < 1e-6 from k = ceil(ln 1e-6 / ln 0.5) = ceil(19.93) = 20
        assertThat(new Ewma(0.5).lookback()).isEqualTo(20);
    }

    @Test
    void holtFollowsTrend() {
        // alpha = beta = 0.5 on [1, 3, 4]: level 1, trend 3 - 1 = 2 (means of the first 1 and the next 1 samples)
        // t=1: level = 0.5*3 + 0.5*(1 + 2) = 3;     trend = 0.5*(3 - 1) + 0.5*2 = 2
        // t=2: level = 0.5*4 + 0.5*(3 + 2) = 4.5;   trend = 0.5*(4.5 - 3) + 0.5*2 = 1.75
        // next = 4.5 + 1.75 = 6.25; two ahead = 4.5 + 2*1.75 = 8
        assertThat(new Holt(0.5, 0.5, 96).forecast(new double[] {1, 3, 4}, 2)).containsExactly(6.25, 8.0);
        // a straight line is forecast exactly whatever the smoothing
        assertThat(new Holt(0.3, 0.1, 96).next(new double[] {2, 4, 6, 8})).isCloseTo(10, within(1e-12));
    }

    @Test
    void holtSeedsItsTrendFromSeveralSamples() {
        // 12 samples: first six mean (0+1+0+1+0+1)/6 = 0.5, next six the same: initial trend 0 (one difference,
        // 1 - 0, would have said +1 per interval)
        assertThat(Holt.initialTrend(new double[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, 0)).isZero();
        // [2, 4, 6, 8]: k = 2, (mean(6, 8) - mean(2, 4)) / 2 = (7 - 3) / 2 = 2
        assertThat(Holt.initialTrend(new double[] {2, 4, 6, 8}, 0)).isEqualTo(2);
        assertThat(Holt.initialTrend(new double[] {5}, 0)).isZero();
    }

    @Test
    void holtNeverForecastsBelowZero() {
        // level and trend run down to below zero: 9, 5, 1 has trend -4 per interval
        assertThat(new Holt(0.5, 0.5, 96).forecast(new double[] {9, 5, 1}, 3)).containsOnly(0.0);
    }

    @Test
    void holtWintersRepeatsAPerfectSeason() {
        // season 4, two seasons [1,2,3,4, 1,2,3,4]: level = mean 2.5, trend (2.5 - 2.5)/4 = 0,
        // seasonal = [-1.5, -0.5, 0.5, 1.5]; smoothing the second season changes nothing (every x = level + s),
        // so the next four forecasts are 2.5 + seasonal = 1, 2, 3, 4
        HoltWinters hw = new HoltWinters(0.5, 0.5, 0.5, 4);
        assertThat(hw.forecast(new double[] {1, 2, 3, 4, 1, 2, 3, 4}, 4)).containsExactly(1.0, 2.0, 3.0, 4.0);
        // one more sample: the next one is phase 1
        assertThat(hw.next(new double[] {1, 2, 3, 4, 1, 2, 3, 4, 1})).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void holtWintersIsHoltUntilTwoSeasons() {
        double[] sevenSamples = {1, 2, 3, 4, 1, 2, 3};
        assertThat(new HoltWinters(0.5, 0.1, 0.3, 4).next(sevenSamples)).isEqualTo(new Holt(0.5, 0.1, 8).next(sevenSamples));
    }

    @Test
    void holtWintersBeatsHoltOnADailyCycle() {
        // seeded synthetic: a daily sine of amplitude 0.3 around 0.4 with noise; three days of history
        Random random = new Random(42);
        int season = 288;
        double[] series = new double[4 * season];
        for (int i = 0; i < series.length; i++) {
            series[i] = Math.max(0, 0.4 + 0.3 * Math.sin(2 * Math.PI * i / season) + 0.02 * random.nextGaussian());
        }
        HoltWinters hw = HoltWinters.daily();
        Holt holt = new Holt(hw.alpha(), hw.beta(), 96);
        double hwError = 0;
        double holtError = 0;
        for (int t = 3 * season; t < series.length; t += 7) {
            double[] history = java.util.Arrays.copyOf(series, t);
            // twelve intervals (an hour) ahead, where the season matters
            hwError += Math.abs(hw.forecast(history, 12)[11] - series[t + 11 < series.length ? t + 11 : series.length - 1]);
            holtError += Math.abs(holt.forecast(history, 12)[11] - series[t + 11 < series.length ? t + 11 : series.length - 1]);
        }
        assertThat(hwError).isLessThan(holtError);
    }

    @Test
    void localRegressionWorkedExample() {
        // window 3, no robustness, y = [0, 0, 3] at x = 0, 1, 2; tricube weights by distance from x = 2 over 3:
        //   w0 = (1 - (2/3)^3)^3 = (19/27)^3 = 0.348473, w1 = (1 - (1/3)^3)^3 = (26/27)^3 = 0.892953, w2 = 1
        //   sw = 2.241427, swx = w1 + 2 = 2.892953, swxx = w1 + 4 = 4.892953, swy = 3, swxy = 2*3 = 6
        //   slope = (sw*swxy - swx*swy) / (sw*swxx - swx^2) = (13.448560 - 8.678860) / 2.598017 = 1.835900
        //   intercept = (swy - slope*swx) / sw = (3 - 5.311171) / 2.241427 = -1.031117
        //   next (x = 3) = -1.031117 + 3*1.835900 = 4.476583
        assertThat(new LocalRegression(3, 1.0, 0).next(new double[] {0, 0, 3})).isCloseTo(4.476583, within(1e-5));
        // safety 1.2 scales it: 5.371900
        assertThat(new LocalRegression(3, 1.2, 0).next(new double[] {0, 0, 3})).isCloseTo(1.2 * 4.476583, within(1e-5));
    }

    @Test
    void localRegressionOnALineAndWithAnOutlier() {
        double[] line = new double[10];
        for (int i = 0; i < 10; i++) {
            line[i] = 0.1 * (i + 1);
        }
        // any weighted least-squares fit of points on a line is that line: next = 1.1, times 1.2 = 1.32
        assertThat(LocalRegression.unscaled().next(line)).isCloseTo(1.1, within(1e-9));
        assertThat(LocalRegression.beloglazovBuyya().next(line)).isCloseTo(1.32, within(1e-9));
        assertThat(LocalRegression.unscaled().forecast(line, 3)[2]).isCloseTo(1.3, within(1e-9));
        // one wild sample: the robust fit sheds it, the plain one is dragged
        double[] outlier = line.clone();
        outlier[5] = 5.0;
        double robust = new LocalRegression(10, 1.0, 2).next(outlier);
        double plain = new LocalRegression(10, 1.0, 0).next(outlier);
        assertThat(Math.abs(robust - 1.1)).isLessThan(0.01);
        assertThat(Math.abs(plain - 1.1)).isGreaterThan(0.05);
    }

    @Test
    void windowPercentile() {
        // tail of 4 = [1, 3, 2, 4]; Commons Math's median of 1,2,3,4: position 0.5*(4+1) = 2.5 -> (2 + 3)/2 = 2.5
        assertThat(new WindowPercentile(4, 50).next(new double[] {9, 1, 3, 2, 4})).isEqualTo(2.5);
        assertThat(new WindowPercentile(4, 100).next(new double[] {9, 1, 3, 2, 4})).isEqualTo(4);
        assertThat(new WindowPercentile(12, 95).name()).isEqualTo("p95(12)");
    }

    @Test
    void fusdEstimatorReadsOnlyItsLookbackWithoutChangingTheResult() {
        Random random = new Random(7);
        FastUpSlowDown fusd = FastUpSlowDown.paperDefaults();
        for (int run = 0; run < 50; run++) {
            double[] series = random.doubles(500, 0, 1).toArray();
            assertThat(fusd.next(series)).isCloseTo(fusd.forecast(series), within(1e-5));
        }
    }

    @Test
    void badHistoriesAreNamed() {
        List<Estimator> all = List.of(new LastValue(), new Ewma(0.3), FastUpSlowDown.paperDefaults(), Holt.defaults(),
                HoltWinters.daily(), LocalRegression.unscaled(), new WindowPercentile(12, 95));
        for (Estimator e : all) {
            assertThatThrownBy(() -> e.next(new double[0])).as(e.name()).hasMessageContaining("history").hasMessageContaining("empty");
            assertThatThrownBy(() -> e.next(new double[] {0.5, Double.NaN})).as(e.name()).hasMessageContaining("history[1]").hasMessageContaining("NaN");
            assertThatThrownBy(() -> e.next(new double[] {0.5, -1})).as(e.name()).hasMessageContaining("history[1]").hasMessageContaining("-1");
            assertThatThrownBy(() -> e.forecast(new double[] {0.5}, 0)).as(e.name()).hasMessageContaining("horizon").hasMessageContaining("0");
        }
        assertThatThrownBy(() -> new Ewma(1.5)).hasMessageContaining("alpha").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new LocalRegression(1, 1, 0)).hasMessageContaining("window");
        assertThatThrownBy(() -> new WindowPercentile(10, 0)).hasMessageContaining("percentile");
    }
}
