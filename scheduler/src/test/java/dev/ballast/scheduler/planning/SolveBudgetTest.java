package dev.ballast.scheduler.planning;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SolveBudgetTest {
    @Test
    void aMoveBudgetStopsOnItsCountAloneAndATimeBudgetOnTimeOrStagnation() {
        assertThat(SolveBudget.moves(40_000).termination().getMoveCountLimit()).isEqualTo(40_000L);
        assertThat(SolveBudget.moves(40_000).termination().getUnimprovedSpentLimit()).isNull();
        assertThat(SolveBudget.time(Duration.ofSeconds(10)).termination().getSpentLimit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(SolveBudget.time(Duration.ofSeconds(10)).termination().getUnimprovedSpentLimit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(SolveBudget.time(Duration.ofMillis(500)).termination().getUnimprovedSpentLimit()).isEqualTo(Duration.ofSeconds(1));
        assertThat(SolveBudget.moves(40_000).deterministic()).isTrue();
        assertThat(SolveBudget.time(Duration.ofSeconds(1)).deterministic()).isFalse();
    }

    @Test
    void badBudgetsNameTheValue() {
        assertThatThrownBy(() -> SolveBudget.moves(0)).hasMessageContaining("move budget").hasMessageContaining("0");
        assertThatThrownBy(() -> SolveBudget.moves(-3)).hasMessageContaining("-3");
        assertThatThrownBy(() -> SolveBudget.time(Duration.ZERO)).hasMessageContaining("time limit").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> SolveBudget.time(Duration.ofSeconds(-1))).hasMessageContaining("PT-1S");
    }
}
