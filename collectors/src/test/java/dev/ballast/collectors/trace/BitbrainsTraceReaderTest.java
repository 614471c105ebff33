package dev.ballast.collectors.trace;

import dev.ballast.collectors.cluster.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BitbrainsTraceReaderTest {
    private static final String HEADER = "Timestamp [ms];\tCPU cores;\tCPU capacity provisioned [MHZ];\tCPU usage [MHZ];\t"
            + "CPU usage [%];\tMemory capacity provisioned [KB];\tMemory usage [KB];\tDisk read throughput [KB/s];\t"
            + "Disk write throughput [KB/s];\tNetwork received throughput [KB/s];\tNetwork transmitted throughput [KB/s]";
    private final BitbrainsTraceReader reader = new BitbrainsTraceReader();

    private static String row(long ts, int cores, double cpuPercent, double memProvKb, double memUsedKb) {
        return ts + ";\t" + cores + ";\t5000.0;\t0.0;\t" + cpuPercent + ";\t" + memProvKb + ";\t" + memUsedKb + ";\t0.0;\t0.0;\t0.0;\t0.0";
    }

    private static Path gz(Path dir, String name, String... rows) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void resamplesIrregularRowsOntoThe300sGrid(@TempDir Path dir) throws IOException {
        // t0 = 1372629600 is a multiple of 300. Rows (epoch seconds):
        //   t0+4   cpu 10 %  -> bucket 0
        //   t0+304 cpu 20 %  and a duplicate t0+304 cpu 40 % -> bucket 1 mean 30 %
        //   t0+1204 cpu 150 % (clamped to 100 %), written before bucket 2's row (out of order) -> bucket 4
        //   t0+604 0 cores  -> skipped (not provisioned), so bucket 2 and 3 are empty
        //   bucket 2 and 3 interpolate between 30 % (bucket 1) and 100 % (bucket 4): 30 + 70/3 = 53.33 %, 76.67 %
        long t0 = 1372629600L;
        Path f = gz(dir, "7.csv.gz",
                row(t0 + 4, 2, 10, 1024, 512),
                row(t0 + 304, 2, 20, 1024, 256),
                row(t0 + 304, 2, 40, 1024, 256),
                row(t0 + 1204, 2, 150, 2048, 4096),
                row(t0 + 604, 0, 0, 0, 0));
        TraceSeries s = reader.read(f).orElseThrow();
        assertThat(s.name()).isEqualTo("7");
        assertThat(s.start()).isEqualTo(Instant.ofEpochSecond(t0));
        assertThat(s.cpu()).hasSize(5);
        assertThat(s.cpu()[0]).isCloseTo(0.10, within(1e-12));
        assertThat(s.cpu()[1]).isCloseTo(0.30, within(1e-12));
        assertThat(s.cpu()[2]).isCloseTo(0.30 + 0.70 / 3, within(1e-12));
        assertThat(s.cpu()[3]).isCloseTo(0.30 + 1.40 / 3, within(1e-12));
        assertThat(s.cpu()[4]).isEqualTo(1.0);
        // memory: 512/1024 = 0.5; 256/1024 = 0.25; 4096/2048 clamps to 1
        assertThat(s.memory()[0]).isEqualTo(0.5);
        assertThat(s.memory()[1]).isEqualTo(0.25);
        assertThat(s.memory()[4]).isEqualTo(1.0);
        // size from the newest provisioned row: 2 cores, 2048 KB = 2 MiB
        assertThat(s.provisionedSize()).contains(new Resources(2, 2));
    }

    @Test
    void millisecondTimestampsAreRecognised(@TempDir Path dir) throws IOException {
        long t0 = 1372629600L;
        Path f = gz(dir, "8.csv.gz", row(t0 * 1000, 1, 10, 100, 10), row((t0 + 300) * 1000, 1, 20, 100, 10));
        TraceSeries s = reader.read(f).orElseThrow();
        assertThat(s.start()).isEqualTo(Instant.ofEpochSecond(t0));
        assertThat(s.cpu()).containsExactly(0.1, 0.2);
    }

    @Test
    void vmWhoseLastRowHasNoCoresIsDropped(@TempDir Path dir) throws IOException {
        long t0 = 1372629600L;
        gz(dir, "2.csv.gz", row(t0, 1, 10, 100, 10), row(t0 + 300, 0, 0, 0, 0));
        gz(dir, "10.csv.gz", row(t0, 1, 10, 100, 10));
        gz(dir, "1.csv.gz", row(t0, 4, 10, 100, 10));
        List<TraceSeries> all = reader.readAll(dir);
        assertThat(all).extracting(TraceSeries::name).containsExactly("1", "10");
    }

    @Test
    void malformedRowIsNamed(@TempDir Path dir) throws IOException {
        Path f = gz(dir, "3.csv.gz", row(1372629600L, 1, 10, 100, 10), "1372629900;\t1;\tfoo");
        assertThatThrownBy(() -> reader.read(f)).hasMessageContaining("3.csv.gz:3").hasMessageContaining("7 ';'-separated");
        Path g = gz(dir, "4.csv.gz", row(1372629600L, 1, -5, 100, 10));
        assertThatThrownBy(() -> reader.read(g)).hasMessageContaining("4.csv.gz:2").hasMessageContaining("-5");
    }

    @Test
    void realMonthHasItsDocumentedShape() {
        Path dir = TraceDataAssumptions.requireSet("bitbrains-rnd").resolve("2013-7");
        // one file is enough here: the full read is the evaluation command's job
        TraceSeries first = reader.read(dir.resolve("1.csv.gz")).orElseThrow();
        assertThat(first.start()).isAfterOrEqualTo(Instant.parse("2013-06-30T22:00:00Z"));
        assertThat(first.end()).isBeforeOrEqualTo(Instant.parse("2013-07-30T22:05:00Z"));
        assertThat(first.provisionedSize().orElseThrow().cpu()).isPositive();
        // PROVENANCE.md: 122.csv.gz ends with rows of 0 cores: unusable
        assertThat(reader.read(dir.resolve("122.csv.gz"))).isEmpty();
    }
}
