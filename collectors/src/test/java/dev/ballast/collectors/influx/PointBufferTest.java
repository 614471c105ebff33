package dev.ballast.collectors.influx;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointBufferTest {
    private static final Duration NO_WAIT = Duration.ZERO;

    @Test
    void dropsTheOldestQueuedPointsWhenFullAndKeepsTheBatchInFlight() throws Exception {
        PointBuffer<Integer> buffer = new PointBuffer<>(5);
        buffer.add(List.of(1, 2, 3));
        assertThat(buffer.nextBatch(2, NO_WAIT)).containsExactly(1, 2);
        buffer.add(List.of(4, 5, 6, 7));
        // 1, 2 in flight; 3 was the oldest queued
        assertThat(buffer.stats()).isEqualTo(new WriteStats(7, 0, 2, 0, 5));
        assertThat(buffer.nextBatch(2, NO_WAIT)).as("a failed batch is retried as is").containsExactly(1, 2);
        buffer.batchDone(0);
        assertThat(buffer.nextBatch(10, NO_WAIT)).containsExactly(5, 6, 7);
        buffer.batchDone(1);
        assertThat(buffer.stats()).isEqualTo(new WriteStats(7, 4, 2, 1, 0));
    }

    @Test
    void dropsNewPointsWhenTheBatchInFlightFillsTheBuffer() throws Exception {
        PointBuffer<Integer> buffer = new PointBuffer<>(2);
        buffer.add(List.of(1, 2));
        assertThat(buffer.nextBatch(2, NO_WAIT)).containsExactly(1, 2);
        buffer.add(List.of(3));
        assertThat(buffer.stats()).isEqualTo(new WriteStats(3, 0, 1, 0, 2));
    }

    @Test
    void countsAddUpUnderRandomOperations() throws Exception {
        for (long seed = 1; seed <= 50; seed++) {
            Random random = new Random(seed);
            int capacity = 1 + random.nextInt(50);
            PointBuffer<Integer> buffer = new PointBuffer<>(capacity);
            List<Integer> written = new ArrayList<>();
            int next = 0;
            for (int op = 0; op < 500; op++) {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        List<Integer> points = new ArrayList<>();
                        for (int i = random.nextInt(20); i > 0; i--) {
                            points.add(next++);
                        }
                        buffer.add(points);
                    }
                    case 1 -> buffer.nextBatch(1 + random.nextInt(capacity), NO_WAIT);
                    default -> {
                        List<Integer> batch = buffer.nextBatch(1 + random.nextInt(capacity), NO_WAIT);
                        if (!batch.isEmpty()) {
                            written.addAll(batch);
                            buffer.batchDone(0);
                        }
                    }
                }
                WriteStats s = buffer.stats();
                assertThat(s.accepted()).as("seed %d", seed)
                        .isEqualTo(s.written() + s.dropped() + s.rejected() + s.pending());
                assertThat(s.pending()).as("seed %d", seed).isLessThanOrEqualTo(capacity);
                assertThat(s.accepted()).isEqualTo(next);
            }
            assertThat(written).as("seed %d: sent in order", seed).isSorted().doesNotHaveDuplicates();
            assertThat(buffer.stats().written()).isEqualTo(written.size());
        }
    }

    @Test
    void waitsForPendingPointsToResolve() throws Exception {
        PointBuffer<Integer> buffer = new PointBuffer<>(10);
        buffer.add(List.of(1));
        assertThat(buffer.awaitEmpty(Duration.ofMillis(20))).isFalse();
        Thread sender = Thread.ofPlatform().start(() -> {
            try {
                buffer.nextBatch(10, Duration.ofSeconds(1));
                buffer.batchDone(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(buffer.awaitEmpty(Duration.ofSeconds(5))).isTrue();
        sender.join();
    }

    @Test
    void refusesAnEmptyCapacity() {
        assertThatThrownBy(() -> new PointBuffer<Integer>(0)).hasMessageContaining("was 0");
    }
}
