package dev.ballast.predictors.forecast;

import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DemandForecasterTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryMetricStore store = new InMemoryMetricStore();
    private final VmId vm = VmId.of("vm-1");

    private void write(int minute, double cpu, double memory) {
        store.writeVmUsage(vm, UsageSample.of(T0.plusSeconds(minute * 300L), cpu, memory));
    }

    @Test
    void forecastsCpuAndMemorySeparatelyWithFusd() {
        write(0, 1, 100);
        write(1, 2, 200);
        write(2, 2, 200);
        write(3, 0.5, 50);
        // cpu: E0 = 1; E1 = -0.2*1 + 1.2*2 = 2.2; E2 = 0.7*2.2 + 0.3*2 = 2.14; E3 = 0.7*2.14 + 0.3*0.5 = 1.648
        // memory is the same series times 100: 164.8
        Forecast f = new DemandForecaster(store, 288).forecastVm(vm).orElseThrow();
        assertThat(f.expected().cpu()).isCloseTo(1.648, within(1e-9));
        assertThat(f.expected().memoryMib()).isCloseTo(164.8, within(1e-9));
        assertThat(f.samples()).isEqualTo(4);
        assertThat(f.lastSampleAt()).isEqualTo(T0.plusSeconds(900));
    }

    @Test
    void usesOnlyTheLastWindowSamples() {
        write(0, 1, 100);
        write(1, 2, 200);
        write(2, 2, 200);
        write(3, 0.5, 50);
        // window 3 = [2, 2, 0.5]: E0 = 2; O1 = 2 is not above 2, a = 0.7: E1 = 2; E2 = 0.7*2 + 0.3*0.5 = 1.55
        Forecast f = new DemandForecaster(store, 3).forecastVm(vm).orElseThrow();
        assertThat(f.expected().cpu()).isCloseTo(1.55, within(1e-9));
        assertThat(f.samples()).isEqualTo(3);
    }

    @Test
    void historyBeforeALongGapIsIgnored() {
        write(0, 9, 900);
        write(1, 9, 900);
        write(2, 9, 900);
        // 20 intervals later: the gap (17 missing) exceeds 3, so only the newest two samples count
        write(20, 1, 100);
        write(21, 2, 200);
        // E0 = 1; O1 = 2 > 1: E1 = -0.2*1 + 1.2*2 = 2.2 (the interval, 300 s, is the median spacing of the window)
        Forecast f = new DemandForecaster(store, 288, FastUpSlowDown.paperDefaults(), FastUpSlowDown.paperDefaults(), null)
                .forecastVm(vm).orElseThrow();
        assertThat(f.expected().cpu()).isCloseTo(2.2, within(1e-9));
        assertThat(f.samples()).isEqualTo(2);
    }

    @Test
    void shortGapIsInterpolated() {
        write(0, 1, 100);
        write(3, 4, 400); // intervals 1 and 2 missing: interpolated as 2 and 3
        // with last value: 4; with FUSD on [1, 2, 3, 4]: E1 = -0.2*1 + 1.2*2 = 2.2; E2 = -0.2*2.2 + 1.2*3 = 3.16;
        // E3 = -0.2*3.16 + 1.2*4 = 4.168
        Forecast f = new DemandForecaster(store, 288, FastUpSlowDown.paperDefaults(), new LastValue(), Duration.ofMinutes(5)).forecastVm(vm).orElseThrow();
        assertThat(f.expected().cpu()).isCloseTo(4.168, within(1e-9));
        assertThat(f.expected().memoryMib()).isEqualTo(400);
        assertThat(f.samples()).isEqualTo(4);
    }

    @Test
    void readingOnlyTheTailGivesTheSameForecastAsTheWholeWindow() {
        // seeded irregular histories (jitter, duplicate readings, short and long gaps): the forecaster fetches only
        // the estimator's lookback from the store; the reference cleans the whole window and runs the estimator
        java.util.Random random = new java.util.Random(5);
        Holt holt = Holt.defaults();
        for (int run = 0; run < 40; run++) {
            InMemoryMetricStore history = new InMemoryMetricStore(576);
            long seconds = 0;
            java.util.List<UsageSample> written = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                // every third run reads twice per interval half the time: the tail fetched then runs out of intervals
                int r = run % 3 == 2 && random.nextBoolean() ? 0 : random.nextInt(40);
                seconds += r == 0 ? 1 + random.nextInt(5) : r == 1 ? 300 * (2 + random.nextInt(run % 2 == 0 ? 3 : 10)) : 300 + random.nextInt(21) - 10;
                UsageSample sample = UsageSample.of(T0.plusSeconds(seconds), random.nextDouble() * 4, random.nextDouble() * 4096);
                history.writeVmUsage(vm, sample);
                written.add(sample);
            }
            Forecast f = new DemandForecaster(history, 288, holt, holt, Duration.ofMinutes(5)).forecastVm(vm).orElseThrow();

            java.util.List<UsageSample> window = history.vmWindow(vm, 288);
            long[] micros = window.stream().mapToLong(s -> SeriesCleaner.toMicros(s.at())).toArray();
            double[] cpu = window.stream().mapToDouble(s -> s.used().cpu()).toArray();
            double[] reference = SeriesCleaner.defaults().clean(micros, cpu).values();
            assertThat(f.expected().cpu()).as("run %d", run).isCloseTo(holt.next(reference), within(1e-12));
        }
    }

    @Test
    void forecastsSeveralIntervalsAhead() {
        write(0, 1, 100);
        write(1, 2, 200);
        write(2, 3, 300);
        write(3, 4, 400);
        // Holt on a straight line (+1 core, +100 MiB per interval) continues it: 5, 6, 7 cores
        var ahead = new DemandForecaster(store, 288, Holt.defaults(), Holt.defaults(), null).forecastVmAhead(vm, 3).orElseThrow();
        assertThat(ahead).hasSize(3);
        assertThat(ahead.get(0).cpu()).isCloseTo(5, within(1e-9));
        assertThat(ahead.get(2).cpu()).isCloseTo(7, within(1e-9));
        assertThat(ahead.get(2).memoryMib()).isCloseTo(700, within(1e-9));
        assertThat(new DemandForecaster(store, 288).forecastVmAhead(VmId.of("nobody"), 3)).isEmpty();
        assertThatThrownBy(() -> new DemandForecaster(store, 288).forecastVmAhead(vm, 0)).hasMessageContaining("horizon");
    }

    @Test
    void bulkForecastMatchesOneByOne() {
        java.util.Random random = new java.util.Random(3);
        java.util.List<VmId> vms = new java.util.ArrayList<>();
        for (int v = 0; v < 20; v++) {
            VmId id = VmId.of("bulk-" + v);
            vms.add(id);
            int samples = v == 7 ? 0 : 1 + random.nextInt(100);
            for (int t = 0; t < samples; t++) {
                // every other VM reads twice per interval, so some need the whole window
                store.writeVmUsage(id, UsageSample.of(T0.plusSeconds(300L * t), random.nextDouble() * 4, random.nextDouble() * 4096));
                if (v % 2 == 0) {
                    store.writeVmUsage(id, UsageSample.of(T0.plusSeconds(300L * t + 20), random.nextDouble() * 4, random.nextDouble() * 4096));
                }
            }
        }
        DemandForecaster forecaster = new DemandForecaster(store, 288, Holt.defaults(), FastUpSlowDown.paperDefaults(), null);
        var bulk = forecaster.forecastVms(vms);
        assertThat(bulk).hasSize(19).doesNotContainKey(VmId.of("bulk-7"));
        for (VmId id : vms) {
            assertThat(java.util.Optional.ofNullable(bulk.get(id))).as(id.value()).isEqualTo(forecaster.forecastVm(id));
        }
    }

    @Test
    void unknownVmHasNoForecast() {
        assertThat(new DemandForecaster(store, 10).forecastVm(VmId.of("nobody"))).isEmpty();
    }

    @Test
    void windowMustHoldASample() {
        assertThatThrownBy(() -> new DemandForecaster(store, 0)).hasMessageContaining("windowSamples").hasMessageContaining("0");
    }
}
