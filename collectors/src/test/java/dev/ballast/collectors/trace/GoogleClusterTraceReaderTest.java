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

class GoogleClusterTraceReaderTest {
    private final GoogleClusterTraceReader reader = new GoogleClusterTraceReader();

    @Test
    void readsCpuAndMemoryAndClampsMemoryAbove100(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vm_7_2"), "10.0 20.0\n30.5 150.0\n");
        TraceSeries s = reader.readFile(dir.resolve("vm_7_2"));
        assertThat(s.cpu()).containsExactly(0.10, 0.305);
        assertThat(s.memory()).containsExactly(0.20, 1.0);
        assertThat(s.start()).isEqualTo(Instant.parse("2011-05-02T00:00:00Z"));
    }

    @Test
    void joinsConsecutiveDaysOfAJob(@TempDir Path dir) throws IOException {
        // 2 samples a day here: day 2 starts 24 h after day 1, so only files of full days can join; use 288 lines
        String day = "10 20\n".repeat(288);
        Files.writeString(dir.resolve("vm_7_1"), day);
        Files.writeString(dir.resolve("vm_7_2"), day);
        Files.writeString(dir.resolve("vm_7_4"), day);
        Files.writeString(dir.resolve("vm_3_1"), day);
        Files.writeString(dir.resolve("README"), "not a trace");

        assertThat(reader.readAll(dir)).extracting(TraceSeries::name).containsExactly("vm_3_1", "vm_7_1", "vm_7_2", "vm_7_4");
        List<TraceSeries> joined = reader.readJoinedByJob(dir);
        assertThat(joined).extracting(TraceSeries::name).containsExactly("vm_3_1", "vm_7_1-2", "vm_7_4");
        assertThat(joined).extracting(TraceSeries::length).containsExactly(288, 576, 288);
    }

    @Test
    void malformedLineIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vm_1_1"), "10 20\n10\n");
        assertThatThrownBy(() -> reader.readFile(dir.resolve("vm_1_1"))).hasMessageContaining("vm_1_1:2").hasMessageContaining("'10'");
        Files.writeString(dir.resolve("vm_x"), "10 20\n");
        assertThatThrownBy(() -> reader.readFile(dir.resolve("vm_x"))).hasMessageContaining("'vm_x'");
    }

    @Test
    void realSetHasItsDocumentedShape() {
        Path dir = TraceDataAssumptions.requireSet("gcd");
        List<TraceSeries> files = reader.readAll(dir);
        // PROVENANCE.md: 771 files of exactly 288 lines
        assertThat(files).hasSize(771).allSatisfy(v -> assertThat(v.length()).isEqualTo(288));
        List<TraceSeries> joined = reader.readJoinedByJob(dir);
        assertThat(joined.stream().mapToInt(TraceSeries::length).sum()).isEqualTo(771 * 288);
        assertThat(joined.stream().mapToInt(TraceSeries::length).max().orElseThrow()).isEqualTo(5 * 288);
    }
}
