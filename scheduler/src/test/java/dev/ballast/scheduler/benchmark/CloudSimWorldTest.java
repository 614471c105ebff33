package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.TraceSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Worked examples of the CloudSim-compatible world, small enough to compute by hand. */
class CloudSimWorldTest {
    private static TraceSeries constant(String name, double utilization) {
        double[] cpu = new double[288];
        Arrays.fill(cpu, utilization);
        return new TraceSeries(name, Instant.EPOCH, Duration.ofSeconds(300), cpu, null, null);
    }

    /** The G5's power by its table, written out independently of SpecPowerTable. */
    private static double g5Watts(double u) {
        double[] w = {93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135};
        int i = (int) Math.floor(u * 10);
        return w[i] + (w[i + 1] - w[i]) * (u * 10 - i);
    }

    @Test
    void oneSteadyVmDrawsItsHostsPowerFromTheSecondDecisionOnAndNeverMoves() {
        // one VM of the first type (2500 MIPS) fits only a G5 core; at 50 % it asks 1250 of the G5's 5320 MIPS
        SimulatedWorld world = new SimulatedWorld(List.of(constant("a", 0.5)), 2, 3600, 3600);
        RunResult r = world.run(w -> new ThrMmtPolicy(0.8), "test", k -> { });
        // decisions at 300.1 … 3300.1; the first interval is free (no host had been processed before it)
        double expectedKwh = 10 * 300 * g5Watts(1250.0 / 5320) / 3.6e6;
        assertThat(r.energyKwh()).isCloseTo(expectedKwh, within(1e-12));
        assertThat(r.migrations()).isZero();
        assertThat(r.slatah()).isZero();
        assertThat(r.activeHosts()).hasSize(11).containsOnly(1);
    }

    @Test
    void anUnderloadedHostIsEmptiedOntoAnotherAndTheMigrationCostsTenPercentOfTheVmOnBothSides() {
        // VM a (2500 MIPS, 870 MB) and VM b (2000 MIPS, 1740 MB) start on two G5 hosts (the initial PABFD spreads);
        // at 10 % the less used host (b's) is emptied onto a's at the first decision
        SimulatedWorld world = new SimulatedWorld(List.of(constant("a", 0.1), constant("b", 0.1)), 4, 3600, 3600);
        RunResult r = world.run(w -> new ThrMmtPolicy(0.8), "test", k -> { });
        assertThat(r.migrations()).isEqualTo(1);
        assertThat(r.activeHosts()[0]).isEqualTo(2);
        assertThat(r.activeHosts()[1]).isEqualTo(1);
        double migrationSeconds = 1740 / 62.5;
        // PDM: 10 % of b's 200 MIPS during the migration, over all MIPS requested from 300.1 to 3300.1
        assertThat(r.pdm()).isCloseTo(0.1 * 200 * migrationSeconds / ((250 + 200) * 3000.0), within(1e-12));
        // SLATAH: the target gets only 10 % of b while b moves in; the source keeps serving b
        double active = 3000 + migrationSeconds;
        assertThat(r.slatah()).isBetween(migrationSeconds / active - 1e-9, 2 * migrationSeconds / active + 1e-9);
        assertThat(r.vmsMigrated()).isEqualTo(1);
    }

    @Test
    void aVmThatAsksForNoCpuLeavesTheWorldAsCloudSimDoes() {
        double[] cpu = new double[288];
        Arrays.fill(cpu, 0.3);
        cpu[3] = 0;
        cpu[4] = 0;
        TraceSeries pausing = new TraceSeries("p", Instant.EPOCH, Duration.ofSeconds(300), cpu, null, null);
        RunResult r = new SimulatedWorld(List.of(pausing), 2, 3600, 3600).run(w -> new ThrMmtPolicy(0.8), "test", k -> { });
        assertThat(r.finishedVms()).isEqualTo(1);
        assertThat(r.activeHosts()[r.activeHosts().length - 1]).isZero();
    }

    @Test
    void rejectsAnEmptyWorldAndAShortRunWithTheValues() {
        assertThatThrownBy(() -> new SimulatedWorld(List.of(), 800, 86400, 3600)).hasMessageContaining("at least one VM");
        assertThatThrownBy(() -> new SimulatedWorld(List.of(constant("a", 0.1)), 0, 86400, 3600)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> new SimulatedWorld(List.of(constant("a", 0.1)), 2, 100, 3600)).hasMessageContaining("100");
    }
}
