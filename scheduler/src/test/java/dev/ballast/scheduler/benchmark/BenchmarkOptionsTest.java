package dev.ballast.scheduler.benchmark;

import dev.ballast.scheduler.planning.SolveBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {
    @TempDir
    Path repo;

    private Path withData() throws IOException {
        Files.createDirectories(repo.resolve("data/planetlab/20110303"));
        System.setProperty("ballast.data.dir", repo.resolve("data").toString());
        return repo;
    }

    @Test
    void readsDaysPoliciesHoursAndOutput() throws IOException {
        String before = System.getProperty("ballast.data.dir");
        try {
            BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--days", "20110303,20110306", "--policies",
                    "thr-mmt,bound", "--hours", "2", "--out", "x", "--solve-ms", "500"}, withData());
            assertThat(o.days()).containsExactly("20110303", "20110306");
            assertThat(o.policies()).containsExactly(PolicyName.THR_MMT, PolicyName.BOUND);
            assertThat(o.hours()).isEqualTo(2);
            assertThat(o.out()).isEqualTo(repo.resolve("x"));
            assertThat(o.solve()).isEqualTo(SolveBudget.time(java.time.Duration.ofMillis(500)));
            assertThat(BenchmarkOptions.parse(new String[] {"--solve-moves", "40000"}, withData()).solve())
                    .isEqualTo(SolveBudget.moves(40_000));
        } finally {
            restore(before);
        }
    }

    @Test
    void badInputNamesWhatWasWrong() throws IOException {
        String before = System.getProperty("ballast.data.dir");
        try {
            Path dir = withData();
            assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--policies", "thr,lr"}, dir))
                    .hasMessageContaining("unknown policy 'thr'").hasMessageContaining("thr-mmt");
            assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--hours", "30"}, dir)).hasMessageContaining("was 30");
            assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--hours", "two"}, dir)).hasMessageContaining("'two'");
            assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--model", "fancy"}, dir))
                    .hasMessageContaining("fancy").hasMessageContaining("realistic").hasMessageContaining("cloudsim");
            assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--days"}, dir)).hasMessageContaining("needs a value");
            assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--fast", "1"}, dir)).hasMessageContaining("'--fast'");
            assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--solve-moves", "-5"}, dir))
                    .hasMessageContaining("--solve-moves").hasMessageContaining("-5");
        } finally {
            restore(before);
        }
    }

    @Test
    void failsClearlyWhenTheTraceDataIsAbsent() {
        String before = System.getProperty("ballast.data.dir");
        try {
            System.setProperty("ballast.data.dir", repo.resolve("nowhere").toString());
            assertThatThrownBy(() -> BenchmarkOptions.parse(new String[0], repo))
                    .hasMessageContaining("no trace data at").hasMessageContaining("nowhere").hasMessageContaining("ballast.data.dir");
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty("ballast.data.dir");
        } else {
            System.setProperty("ballast.data.dir", value);
        }
    }
}
