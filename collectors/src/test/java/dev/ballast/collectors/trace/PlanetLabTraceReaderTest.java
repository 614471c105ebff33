package dev.ballast.collectors.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanetLabTraceReaderTest {
    private final PlanetLabTraceReader reader = new PlanetLabTraceReader();

    @Test
    void readsADayInNameOrderAsFractions(@TempDir Path root) throws IOException {
        Path day = Files.createDirectory(root.resolve("20110303"));
        Files.writeString(day.resolve("node_b"), "10\n20\n");
        Files.writeString(day.resolve("node_a slice"), "0\n99\n120\n");

        List<TraceSeries> vms = reader.readDay(day);

        assertThat(vms).extracting(TraceSeries::name).containsExactly("node_a slice", "node_b");
        assertThat(vms.get(0).cpu()).containsExactly(0.0, 0.99, 1.0); // 120 % clamps to 1
        assertThat(vms.get(1).cpu()).containsExactly(0.1, 0.2);
        assertThat(vms.get(0).start()).isEqualTo(Instant.parse("2011-03-03T00:00:00Z"));
        assertThat(vms.get(0).hasMemory()).isFalse();
        assertThat(reader.days(root)).containsExactly(day);
    }

    @Test
    void badLinesAndFoldersAreNamed(@TempDir Path root) throws IOException {
        Path day = Files.createDirectory(root.resolve("20110303"));
        Files.writeString(day.resolve("vm"), "10\nabc\n");
        assertThatThrownBy(() -> reader.readDay(day)).hasMessageContaining("vm:2").hasMessageContaining("'abc'");
        Files.writeString(day.resolve("vm"), "10\n-3\n");
        assertThatThrownBy(() -> reader.readDay(day)).hasMessageContaining("vm:2").hasMessageContaining("-3");
        Path notADay = Files.createDirectory(root.resolve("march"));
        assertThatThrownBy(() -> reader.readDay(notADay)).hasMessageContaining("'march'");
    }

    @Test
    void realDayHasItsDocumentedShape() {
        Path root = TraceDataAssumptions.requireSet("planetlab");
        List<TraceSeries> vms = reader.readDay(root.resolve("20110303"));
        // PROVENANCE.md: 1052 files, 288 lines each, mean 12.31 %
        assertThat(vms).hasSize(1052).allSatisfy(v -> assertThat(v.length()).isEqualTo(288));
        double mean = vms.stream().flatMapToDouble(v -> java.util.Arrays.stream(v.cpu())).average().orElseThrow();
        assertThat(mean).isBetween(0.1226, 0.1236);
        assertThat(reader.days(root)).hasSize(5);
    }
}
