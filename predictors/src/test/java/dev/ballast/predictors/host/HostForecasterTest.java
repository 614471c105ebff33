package dev.ballast.predictors.host;

import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.predictors.forecast.DemandForecaster;
import dev.ballast.predictors.forecast.LastValue;
import dev.ballast.predictors.hotspot.SpotClassifier;
import dev.ballast.predictors.hotspot.SpotKind;
import dev.ballast.predictors.hotspot.SpotThresholds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HostForecasterTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryMetricStore store = new InMemoryMetricStore();
    private final HostId hostId = HostId.of("h1");
    private final Host host = new Host(hostId, Resources.of(10, 10_000), HostState.ON, power(), Map.of());
    private final HostForecaster forecaster = new HostForecaster(
            new DemandForecaster(store, 12, new LastValue(), new LastValue(), null), new SpotClassifier(SpotThresholds.defaults()));

    private static PowerModel power() {
        return PowerModel.linear(100, 200);
    }

    @Test
    void sumsVmForecastsCappedAtTheirSizeAndCountsNewVmsAtFullSize() {
        Vm a = new Vm(VmId.of("a"), Resources.of(4, 4000), hostId, 0, Map.of());
        Vm b = new Vm(VmId.of("b"), Resources.of(2, 2000), hostId, 0, Map.of());
        Vm c = new Vm(VmId.of("c"), Resources.of(1, 1000), hostId, 0, Map.of());
        store.writeVmUsage(a.id(), UsageSample.of(T0, 3, 1000));
        store.writeVmUsage(b.id(), UsageSample.of(T0, 2.5, 1500)); // above its 2 cores: capped at 2
        // c has no history: counted at 1 core, 1000 MiB
        // cpu = 3 + 2 + 1 = 6 of 10 = 0.6; memory = 1000 + 1500 + 1000 = 3500 of 10000 = 0.35 -> WARM (both < 0.65)
        HostOutlook outlook = forecaster.forecast(host, List.of(a, b, c));
        assertThat(outlook.expectedDemand().cpu()).isCloseTo(6, within(1e-9));
        assertThat(outlook.expectedDemand().memoryMib()).isCloseTo(3500, within(1e-9));
        assertThat(outlook.expectedUtilization().cpu()).isCloseTo(0.6, within(1e-9));
        assertThat(outlook.temperature().kind()).isEqualTo(SpotKind.WARM);
        assertThat(outlook.vmsWithoutHistory()).isEqualTo(1);
    }

    @Test
    void hotHostIsClassifiedOnTheForecast() {
        Vm a = new Vm(VmId.of("a"), Resources.of(10, 5000), hostId, 0, Map.of());
        store.writeVmUsage(a.id(), UsageSample.of(T0, 9.5, 1000));
        // cpu 0.95 > 0.9: temperature (0.95 - 0.9)^2 = 0.0025
        HostOutlook outlook = forecaster.forecast(host, List.of(a));
        assertThat(outlook.temperature().kind()).isEqualTo(SpotKind.HOT);
        assertThat(outlook.temperature().temperature()).isCloseTo(0.0025, within(1e-9));
    }

    @Test
    void vmOfAnotherHostIsRejected() {
        Vm elsewhere = new Vm(VmId.of("x"), Resources.of(1, 1), HostId.of("h2"), 0, Map.of());
        assertThatThrownBy(() -> forecaster.forecast(host, List.of(elsewhere))).hasMessageContaining("x").hasMessageContaining("h2");
    }
}
