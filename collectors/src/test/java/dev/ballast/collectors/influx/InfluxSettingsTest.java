package dev.ballast.collectors.influx;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfluxSettingsTest {
    private final InfluxSettings base = InfluxSettings.of("http://127.0.0.1:8086");

    @Test
    void namesTheBadValue() {
        assertThatThrownBy(() -> InfluxSettings.of("127.0.0.1:8086")).hasMessageContaining("'127.0.0.1:8086'");
        assertThatThrownBy(() -> base.withDatabase(" ")).hasMessageContaining("database");
        assertThatThrownBy(() -> base.withDatabase("a\"b")).hasMessageContaining("a\"b");
        assertThatThrownBy(() -> base.withRetention("rp", Duration.ofMinutes(30))).hasMessageContaining("PT30M");
        assertThatThrownBy(() -> base.withRetention("rp", Duration.ofMinutes(90))).hasMessageContaining("PT1H30M");
        assertThatThrownBy(() -> base.withBuffering(0, 10)).hasMessageContaining("batchSize").hasMessageContaining("0");
        assertThatThrownBy(() -> base.withBuffering(100, 99)).hasMessageContaining("99");
        assertThatThrownBy(() -> base.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("PT1S").hasMessageContaining("PT2S");
    }

    @Test
    void keepsRetentionForeverWhenZeroAndHidesThePassword() {
        assertThat(DatabaseSetup.influxDuration(Duration.ZERO)).isEqualTo("INF");
        assertThat(DatabaseSetup.influxDuration(Duration.ofDays(30))).isEqualTo("720h");
        assertThat(base.withCredentials("ballast", "s3cret").toString()).doesNotContain("s3cret").contains("***");
    }
}
