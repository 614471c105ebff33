package dev.ballast.predictors.hotspot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SkewnessTest {

    @Test
    void twoUnevenResources() {
        // mean = (0.8 + 0.2) / 2 = 0.5; 0.8/0.5 - 1 = 0.6; 0.2/0.5 - 1 = -0.6
        // sqrt(0.36 + 0.36) = sqrt(0.72) = 0.848528137...
        assertThat(Skewness.of(0.8, 0.2)).isCloseTo(Math.sqrt(0.72), within(1e-12));
        assertThat(Skewness.of(0.8, 0.2)).isCloseTo(0.848528137, within(1e-9));
    }

    @Test
    void threeResources() {
        // mean = (0.9 + 0.3 + 0.3) / 3 = 0.5; ratios - 1 = 0.8, -0.4, -0.4
        // sqrt(0.64 + 0.16 + 0.16) = sqrt(0.96) = 0.979795897...
        assertThat(Skewness.of(0.9, 0.3, 0.3)).isCloseTo(0.979795897, within(1e-9));
    }

    @Test
    void evenUseIsZero() {
        assertThat(Skewness.of(0.5, 0.5)).isZero();
    }

    @Test
    void idleHostIsZero() {
        assertThat(Skewness.of(0, 0)).isZero();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(Skewness::of).hasMessageContaining("empty");
        assertThatThrownBy(() -> Skewness.of(0.5, Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Skewness.of(-0.1, 0.5)).hasMessageContaining("-0.1");
    }
}
