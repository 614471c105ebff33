package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.TraceDataDirectory;
import dev.ballast.scheduler.planning.SolveBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The command in the realistic model on a one-hour slice of a Google day and of a Bitbrains day (40 VMs, 60 hosts), every policy. */
class RealisticBenchmarkSmokeTest {
    private static Path data(BenchmarkTrace trace) {
        Optional<Path> data = TraceDataDirectory.configured();
        assumeThat(data).as("trace data not found: set -Dballast.data.dir (skipping the realistic smoke test)").isPresent();
        assumeThat(trace.root(data.get())).as(trace.cli() + " traces under " + data.get() + " (skipping)").isDirectory();
        return data.get();
    }

    private static void check(List<RunResult> runs, Path out, String label, int vms) throws Exception {
        assertThat(runs).extracting(RunResult::policy).containsExactly("THR-MMT 0.8", "LR-MMT 1.2", "Skewness", "Ballast", "Bound");
        RunResult bound = runs.getLast();
        // the bound counts all 12 intervals of the hour; the world's first interval is free (as in CloudSim)
        double boundOfTheSameIntervals = bound.energyKwh() * 11 / 12;
        for (RunResult r : runs.subList(0, 4)) {
            assertThat(r.vms()).as(r.policy()).isEqualTo(vms);
            assertThat(r.energyKwh()).as(r.policy()).isGreaterThan(boundOfTheSameIntervals).isLessThan(60 * 135.0 / 1000);
            assertThat(r.memory().peakMemoryUse()).as(r.policy()).isPositive().isLessThanOrEqualTo(1.0);
            assertThat(r.finishedVms()).as(r.policy()).isZero();
            assertThat(r.activeHosts()).as(r.policy()).hasSize(11);
        }
        assertThat(Files.readAllLines(out.resolve("results.csv")).getFirst()).contains("refused_for_memory", "migrating_seconds");
        assertThat(Files.readString(out.resolve("table-" + label + ".txt"))).contains("refusedMem").contains("peakMem%");
        assertThat(out.resolve("hosts-on-" + label + ".png")).isRegularFile();
    }

    @Test
    void runsEveryPolicyOnOneHourOfGoogleDayOne(@TempDir Path out) throws Exception {
        Path data = data(BenchmarkTrace.GOOGLE);
        BenchmarkOptions options = new BenchmarkOptions(List.of("1"), List.of(PolicyName.values()), 1, out, data,
                SolveBudget.moves(5_000), Duration.ofHours(1), BenchmarkTrace.GOOGLE, WorldModel.realistic(), 60, 40);
        check(BenchmarkCommand.execute(options), out, "google-1", 40);
    }

    @Test
    void runsEveryPolicyOnOneHourOfBitbrainsJulyFirst(@TempDir Path out) throws Exception {
        Path data = data(BenchmarkTrace.BITBRAINS);
        BenchmarkOptions options = new BenchmarkOptions(List.of("1"), List.of(PolicyName.values()), 1, out, data,
                SolveBudget.moves(5_000), Duration.ofHours(1), BenchmarkTrace.BITBRAINS, WorldModel.realistic(), 60, 40);
        check(BenchmarkCommand.execute(options), out, "bitbrains-2013-07-01", 40);
    }
}
