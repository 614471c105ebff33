package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.TraceDataDirectory;
import dev.ballast.scheduler.planning.SolveBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The whole command on a two-hour slice of one PlanetLab day, every policy. */
class BenchmarkSmokeTest {
    @Test
    void runsEveryPolicyOnATwoHourSliceAndWritesTablesCsvAndPlots(@TempDir Path out) throws Exception {
        Optional<Path> data = TraceDataDirectory.configured();
        assumeThat(data).as("PlanetLab traces not found: set -Dballast.data.dir (skipping the benchmark smoke test)").isPresent();
        assumeThat(data.get().resolve("planetlab/20110303")).as("PlanetLab day 20110303 under " + data.get()).isDirectory();
        BenchmarkOptions options = new BenchmarkOptions(List.of("20110303"), List.of(PolicyName.values()), 2, out, data.get(),
                SolveBudget.moves(10_000), Duration.ofHours(1));

        List<RunResult> runs = BenchmarkCommand.execute(options);

        assertThat(runs).extracting(RunResult::policy)
                .containsExactly("THR-MMT 0.8", "LR-MMT 1.2", "Skewness", "Ballast", "Bound");
        RunResult bound = runs.getLast();
        // all 800 hosts at peak for two hours is a ceiling no policy can pass
        double ceiling = 800 * 135.0 * 2 / 1000;
        for (RunResult r : runs.subList(0, 4)) {
            assertThat(r.energyKwh()).as(r.policy()).isGreaterThan(bound.energyKwh()).isLessThan(ceiling);
            assertThat(r.slatah()).as(r.policy()).isBetween(0.0, 1.0);
            assertThat(r.pdm()).as(r.policy()).isBetween(0.0, 1.0);
            assertThat(r.activeHosts()).as(r.policy()).hasSize(23);
            assertThat(Arrays.stream(r.activeHosts()).min().orElseThrow()).as(r.policy()).isPositive();
            assertThat(Arrays.stream(r.activeHosts()).max().orElseThrow()).as(r.policy()).isLessThanOrEqualTo(800);
            assertThat(r.vms()).isEqualTo(1052);
        }
        assertThat(runs.get(0).migrations()).isPositive();
        assertThat(out.resolve("results.csv")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(6);
        assertThat(out.resolve("hosts-on-20110303.png")).isRegularFile();
        assertThat(out.resolve("energy-vs-slav.png")).isRegularFile();
        assertThat(Files.readString(out.resolve("table-20110303.txt"))).contains("THR-MMT 0.8").contains("Bound");
    }

    @Test
    void ballastWithAMoveBudgetGivesTheSameFiguresOnEveryRun(@TempDir Path out) throws Exception {
        Optional<Path> data = TraceDataDirectory.configured();
        assumeThat(data).as("PlanetLab traces not found: set -Dballast.data.dir (skipping the determinism test)").isPresent();
        assumeThat(data.get().resolve("planetlab/20110303")).as("PlanetLab day 20110303 under " + data.get()).isDirectory();
        BenchmarkOptions options = new BenchmarkOptions(List.of("20110303"), List.of(PolicyName.BALLAST), 2, out, data.get(),
                SolveBudget.moves(20_000), Duration.ofHours(1));

        RunResult first = BenchmarkCommand.run(options, false).getFirst();
        RunResult second = BenchmarkCommand.run(options, false).getFirst();

        assertThat(first.migrations()).isPositive();
        assertThat(second.energyKwh()).isEqualTo(first.energyKwh());
        assertThat(second.migrations()).isEqualTo(first.migrations());
        assertThat(second.slatah()).isEqualTo(first.slatah());
        assertThat(second.activeHosts()).containsExactly(first.activeHosts());
    }
}
