package dev.ballast.predictors.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FastUpSlowDownTest {

    @Test
    void paperDefaultsOvershootARiseAndDecaySlowly() {
        // E0 = 10
        // O1 = 20 > 10, a = -0.2: E1 = -0.2*10 + 1.2*20 = -2 + 24 = 22     (overshoots the rise)
        // O2 = 20 < 22, a =  0.7: E2 = 0.7*22 + 0.3*20 = 15.4 + 6 = 21.4
        // O3 =  5 < 21.4, a = 0.7: E3 = 0.7*21.4 + 0.3*5 = 14.98 + 1.5 = 16.48 (decays slowly)
        double e = FastUpSlowDown.paperDefaults().forecast(new double[] {10, 20, 20, 5});
        assertThat(e).isCloseTo(16.48, within(1e-12));
    }

    @Test
    void paperDefaultsAreTheDesignValues() {
        assertThat(FastUpSlowDown.paperDefaults()).isEqualTo(new FastUpSlowDown(-0.2, 0.7));
    }

    @Test
    void singleObservationIsItsOwnEstimate() {
        assertThat(FastUpSlowDown.paperDefaults().forecast(new double[] {7})).isEqualTo(7);
    }

    @Test
    void customAlphasAreUsed() {
        // a_up = 0.5, a_down = 0.9; E0 = 0; O1 = 10 > 0: E1 = 0.5*0 + 0.5*10 = 5;
        // O2 = 0 < 5: E2 = 0.9*5 + 0.1*0 = 4.5
        assertThat(new FastUpSlowDown(0.5, 0.9).forecast(new double[] {0, 10, 0})).isCloseTo(4.5, within(1e-12));
    }

    @Test
    void emptySeriesIsRejectedByName() {
        assertThatThrownBy(() -> FastUpSlowDown.paperDefaults().forecast(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("observations")
                .hasMessageContaining("empty");
    }

    @Test
    void unstableAlphaIsRejectedWithItsValue() {
        assertThatThrownBy(() -> new FastUpSlowDown(-1.5, 0.7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alphaUp")
                .hasMessageContaining("-1.5");
        assertThatThrownBy(() -> new FastUpSlowDown(-0.2, 1.0))
                .hasMessageContaining("alphaDown");
    }
}
