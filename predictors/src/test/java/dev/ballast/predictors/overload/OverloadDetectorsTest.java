package dev.ballast.predictors.overload;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OverloadDetectorsTest {

    private static double[] repeat(double value, int times, double... then) {
        double[] out = new double[times + then.length];
        Arrays.fill(out, 0, times, value);
        System.arraycopy(then, 0, out, times, then.length);
        return out;
    }

    @Test
    void staticThreshold() {
        StaticThreshold thr = new StaticThreshold(0.8);
        assertThat(thr.overloaded(new double[] {0.5, 0.81})).isTrue();
        assertThat(thr.overloaded(new double[] {0.9, 0.8})).isFalse(); // only the current value counts, and 0.8 is not above
        assertThat(thr.name()).isEqualTo("THR(0.8)");
    }

    @Test
    void interQuartileRange() {
        InterQuartileRange iqr = InterQuartileRange.beloglazovBuyya();
        // 12 samples: six 0.5, five 0.7, current 0.71. Sorted, Commons Math's quartile positions are
        // 0.25*13 = 3.25 (3rd and 4th values: 0.5) and 0.75*13 = 9.75 (9th and 10th: 0.7): IQR = 0.2;
        // threshold = 1 - 1.5*0.2 = 0.7, and 0.71 > 0.7
        double[] history = repeat(0.5, 6, 0.7, 0.7, 0.7, 0.7, 0.7, 0.71);
        assertThat(iqr.threshold(history)).isCloseTo(0.7, within(1e-12));
        assertThat(iqr.overloaded(history)).isTrue();
        history[11] = 0.69; // sorted: six 0.5, 0.69, five 0.7: Q1 0.5, Q3 0.7 -> still 0.7, and 0.69 is not above
        assertThat(iqr.overloaded(history)).isFalse();
    }

    @Test
    void medianAbsoluteDeviation() {
        MedianAbsoluteDeviation mad = MedianAbsoluteDeviation.beloglazovBuyya();
        // six 0.5, five 0.6, current 0.9: median (6th + 7th)/2 = (0.5 + 0.6)/2 = 0.55;
        // deviations: eleven 0.05 and 0.35 -> MAD 0.05; threshold = 1 - 2.5*0.05 = 0.875; 0.9 > 0.875
        double[] history = repeat(0.5, 6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.9);
        assertThat(mad.threshold(history)).isCloseTo(0.875, within(1e-12));
        assertThat(mad.overloaded(history)).isTrue();
        history[11] = 0.62; // deviations eleven 0.05 and 0.07: threshold 0.875 and 0.62 is below
        assertThat(mad.overloaded(history)).isFalse();
    }

    @Test
    void adaptiveDetectorsFallBackOnShortHistory() {
        // 11 samples < 12: THR 0.7 decides
        assertThat(InterQuartileRange.beloglazovBuyya().overloaded(repeat(0.1, 10, 0.71))).isTrue();
        assertThat(MedianAbsoluteDeviation.beloglazovBuyya().overloaded(repeat(0.1, 10, 0.69))).isFalse();
        assertThat(LocalRegressionDetector.lr().overloaded(repeat(0.1, 8, 0.71))).isTrue(); // 9 < 10
    }

    @Test
    void localRegression() {
        // a straight line is fitted exactly: 0.41 .. 0.50 predicts 0.51 next, 1.2 * 0.51 = 0.612 < 1
        assertThat(LocalRegressionDetector.lr().overloaded(line(0.41))).isFalse();
        assertThat(LocalRegressionDetector.lr().predicted(line(0.41))).isCloseTo(0.612, within(1e-9));
        // 0.71 .. 0.80 predicts 0.81, 1.2 * 0.81 = 0.972 < 1
        assertThat(LocalRegressionDetector.lr().overloaded(line(0.71))).isFalse();
        // 0.76 .. 0.85 predicts 0.86, 1.2 * 0.86 = 1.032 >= 1
        assertThat(LocalRegressionDetector.lr().overloaded(line(0.76))).isTrue();
        assertThat(LocalRegressionDetector.lrr().overloaded(line(0.76))).isTrue();
    }

    @Test
    void robustVersionIgnoresASpike() {
        // flat 0.5 with one spike to 1.0 in the middle: LRR sheds it (prediction 0.5*1.2 = 0.6)
        double[] history = repeat(0.5, 10);
        history[5] = 1.0;
        assertThat(LocalRegressionDetector.lrr().predicted(history)).isCloseTo(0.6, within(1e-6));
        assertThat(LocalRegressionDetector.lr().predicted(history)).isNotCloseTo(0.6, within(1e-3));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> new StaticThreshold(0.8).overloaded(new double[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> new StaticThreshold(0.8).overloaded(new double[] {Double.NaN})).hasMessageContaining("history[0]").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new StaticThreshold(-1)).hasMessageContaining("threshold").hasMessageContaining("-1");
        assertThatThrownBy(() -> new InterQuartileRange(1.5, 10, 12, new StaticThreshold(0.7))).hasMessageContaining("window=10");
    }

    private static double[] line(double start) {
        double[] out = new double[10];
        for (int i = 0; i < 10; i++) {
            out[i] = start + 0.01 * i;
        }
        return out;
    }
}
