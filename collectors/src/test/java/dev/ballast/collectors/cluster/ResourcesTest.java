package dev.ballast.collectors.cluster;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourcesTest {
    @Test
    void arithmeticAndFit() {
        Resources a = Resources.of(2, 4096);
        Resources b = Resources.of(1.5, 1024);
        assertThat(a.plus(b)).isEqualTo(Resources.of(3.5, 5120));
        assertThat(b.minus(a)).isEqualTo(Resources.ZERO);
        assertThat(a.times(2)).isEqualTo(Resources.of(4, 8192));
        assertThat(a.fitsIn(Resources.of(2, 4096))).isTrue();
        assertThat(a.fitsIn(Resources.of(1.9, 8192))).isFalse();
        assertThat(a.utilizationOf(Resources.of(8, 16384))).isEqualTo(new Utilization(0.25, 0.25));
    }

    @Test
    void rejectsNegativeAndNonFiniteAmountsNamingTheValue() {
        assertThatThrownBy(() -> Resources.of(-1, 0)).hasMessageContaining("cpu").hasMessageContaining("-1");
        assertThatThrownBy(() -> Resources.of(1, Double.NaN)).hasMessageContaining("memoryMib").hasMessageContaining("NaN");
    }

    @Test
    void powerModelInterpolatesBetweenTenths() {
        PowerModel g4 = PowerModel.of(86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117);
        assertThat(g4.watts(0)).isEqualTo(86);
        assertThat(g4.watts(1)).isEqualTo(117);
        // 25 %: halfway between 20 % (92.6 W) and 30 % (96 W) = 94.3 W.
        assertThat(g4.watts(0.25)).isCloseTo(94.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThatThrownBy(() -> PowerModel.of(1, 2, 3)).hasMessageContaining("11 points").hasMessageContaining("3");
    }

    @Test
    void idsSortTheWayOperatorsReadThem() {
        List<HostId> ids = new ArrayList<>(List.of(HostId.of("host-10"), HostId.of("host-2"), HostId.of("host-1")));
        ids.sort(null);
        assertThat(ids).extracting(HostId::value).containsExactly("host-1", "host-2", "host-10");
        assertThatThrownBy(() -> VmId.of(" ")).hasMessageContaining("blank");
    }

    @Test
    void snapshotRejectsAVmOnAnUnknownHostAndDuplicateIds() {
        Host h = new Host(HostId.of("h1"), Resources.of(4, 8192), HostState.ON, PowerModel.linear(100, 200), Map.of());
        Vm v = new Vm(VmId.of("v1"), Resources.of(1, 1024), HostId.of("h9"), 0, Map.of());
        assertThatThrownBy(() -> new ClusterSnapshot(Instant.EPOCH, List.of(h), List.of(v)))
                .hasMessageContaining("v1").hasMessageContaining("h9");
        assertThatThrownBy(() -> new ClusterSnapshot(Instant.EPOCH, List.of(h, h), List.of()))
                .hasMessageContaining("h1 appears twice");
    }
}
