package dev.ballast.actuators.libvirt;

import dev.ballast.collectors.cluster.VmId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationModeRuleTest {
    private final MigrationModeRule rule = MigrationModeRule.defaults();

    @Test
    void followsTheDocumentedThresholds() {
        // B = 64 MiB/s
        assertThat(rule.choose(2048, 0, 64)).isEqualTo(MigrationMode.PRE_COPY);          // 32 s, idle
        assertThat(rule.choose(2048, 31.9, 64)).isEqualTo(MigrationMode.COMPRESSED);     // 2048 / 32.1 = 63.8 s > 60 s
        assertThat(rule.choose(2048, 32, 64)).isEqualTo(MigrationMode.AUTO_CONVERGE);    // D = B / 2
    }

    @Test
    void preCopyWhileQuickAndCalm() {
        assertThat(rule.choose(1024, 10, 64)).isEqualTo(MigrationMode.PRE_COPY);         // 1024 / 54 = 19 s
    }

    @Test
    void compressionForALongLinkBoundCopy() {
        assertThat(rule.choose(8192, 0, 64)).isEqualTo(MigrationMode.COMPRESSED);        // 128 s > 60 s
        assertThat(rule.choose(3840, 0, 64)).isEqualTo(MigrationMode.PRE_COPY);          // exactly 60 s
    }

    @Test
    void autoConvergeFromHalfTheBandwidthAndWhenPostCopyIsNotAllowed() {
        assertThat(rule.choose(1024, 32, 64)).isEqualTo(MigrationMode.AUTO_CONVERGE);
        assertThat(rule.choose(1024, 63, 64)).isEqualTo(MigrationMode.AUTO_CONVERGE);
        assertThat(rule.choose(1024, 64, 64)).isEqualTo(MigrationMode.AUTO_CONVERGE);
    }

    @Test
    void postCopyOnlyWhenAllowedAndPreCopyCannotConverge() {
        MigrationModeRule allowing = new MigrationModeRule(0.5, 60, true);
        assertThat(allowing.choose(1024, 64, 64)).isEqualTo(MigrationMode.POST_COPY);
        assertThat(allowing.choose(1024, 63, 64)).isEqualTo(MigrationMode.AUTO_CONVERGE);
    }

    @Test
    void anOverrideWins() {
        MigrationSettings settings = MigrationSettings.defaults().withOverrides(Map.of(VmId.of("db"), MigrationMode.POST_COPY));
        assertThat(settings.modeFor(VmId.of("db"), 128, 0)).isEqualTo(MigrationMode.POST_COPY);
        assertThat(settings.modeFor(VmId.of("web"), 128, 0)).isEqualTo(MigrationMode.PRE_COPY);
    }

    @Test
    void rejectsNonsenseNamingIt() {
        assertThatThrownBy(() -> new MigrationModeRule(1.5, 60, false)).hasMessageContaining("throttleRatio").hasMessageContaining("1.5");
        assertThatThrownBy(() -> rule.choose(1, 0, 0)).hasMessageContaining("bandwidth").hasMessageContaining("0");
        assertThatThrownBy(() -> MigrationSettings.defaults().withBandwidth(0)).hasMessageContaining("bandwidth");
    }
}
