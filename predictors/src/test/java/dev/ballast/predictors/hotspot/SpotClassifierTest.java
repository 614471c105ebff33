package dev.ballast.predictors.hotspot;

import dev.ballast.collectors.cluster.Utilization;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpotClassifierTest {
    private final SpotClassifier classifier = new SpotClassifier(SpotThresholds.defaults());

    @Test
    void bothResourcesOverloaded() {
        // hot cpu 0.9, hot memory 0.8: temperature = (0.95 - 0.9)^2 + (0.85 - 0.8)^2 = 0.0025 + 0.0025 = 0.005
        // skewness: mean 0.9; 0.95/0.9 - 1 = 1/18, 0.85/0.9 - 1 = -1/18; sqrt(2/324) = sqrt(2)/18 = 0.0785674...
        HostTemperature t = classifier.classify(new Utilization(0.95, 0.85));
        assertThat(t.kind()).isEqualTo(SpotKind.HOT);
        assertThat(t.temperature()).isCloseTo(0.005, within(1e-12));
        assertThat(t.skewness()).isCloseTo(0.0785674201, within(1e-9));
    }

    @Test
    void onlyTheOverloadedResourceHeats() {
        // cpu 0.95 > 0.9, memory 0.5 < 0.8: temperature = 0.05^2 = 0.0025
        assertThat(classifier.classify(new Utilization(0.95, 0.5)).temperature()).isCloseTo(0.0025, within(1e-12));
        // memory alone: cpu 0.5, memory 0.9 > 0.8: temperature = 0.1^2 = 0.01
        HostTemperature memoryHot = classifier.classify(new Utilization(0.5, 0.9));
        assertThat(memoryHot.kind()).isEqualTo(SpotKind.HOT);
        assertThat(memoryHot.temperature()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void atTheHotThresholdIsNotHot() {
        HostTemperature t = classifier.classify(new Utilization(0.9, 0.8));
        assertThat(t.kind()).isEqualTo(SpotKind.NORMAL);
        assertThat(t.temperature()).isZero();
    }

    @Test
    void coldWarmAndNormal() {
        // both below cold 0.25
        assertThat(classifier.classify(new Utilization(0.1, 0.2)).kind()).isEqualTo(SpotKind.COLD);
        // memory 0.3 is not below cold, both below warm 0.65
        assertThat(classifier.classify(new Utilization(0.1, 0.3)).kind()).isEqualTo(SpotKind.WARM);
        // cpu 0.7 is above warm, not hot
        assertThat(classifier.classify(new Utilization(0.7, 0.3)).kind()).isEqualTo(SpotKind.NORMAL);
    }

    @Test
    void greenComputingWhenEveryResourceMeanIsBelowGreen() {
        // cpu mean (0.3 + 0.4)/2 = 0.35 < 0.4, memory mean (0.2 + 0.3)/2 = 0.25 < 0.4
        assertThat(classifier.greenComputingDue(List.of(new Utilization(0.3, 0.2), new Utilization(0.4, 0.3)))).isTrue();
        // cpu mean (0.5 + 0.4)/2 = 0.45 >= 0.4
        assertThat(classifier.greenComputingDue(List.of(new Utilization(0.5, 0.2), new Utilization(0.4, 0.3)))).isFalse();
        assertThat(classifier.greenComputingDue(List.of())).isFalse();
    }

    @Test
    void thresholdsAreValidated() {
        assertThatThrownBy(() -> new SpotThresholds(0.9, 0.8, 0.2, 0.25, 0.4))
                .hasMessageContaining("cold=0.25").hasMessageContaining("warm=0.2");
        assertThatThrownBy(() -> new SpotThresholds(0.6, 0.8, 0.65, 0.25, 0.4)).hasMessageContaining("hotCpu=0.6");
        assertThatThrownBy(() -> new SpotThresholds(0.9, 0.8, 0.65, 0.25, 1.5)).hasMessageContaining("green").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new SpotThresholds(0.9, 0.8, 0.65, 0, 0.4)).hasMessageContaining("cold");
    }
}
