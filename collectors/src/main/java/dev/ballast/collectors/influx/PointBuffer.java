package dev.ballast.collectors.influx;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * The bounded queue between the callers that write usage and the one thread that sends it to InfluxDB. It holds at
 * most {@code capacity} points, counting the batch being sent; when full, the oldest queued points are dropped (the
 * newest matter most to forecasts) and counted exactly. Every point accepted ends up written, dropped, rejected by
 * the server, or still pending: {@code accepted == written + dropped + rejected + pending} at all times.
 *
 * @param <P> the point type (InfluxDB points in production; anything in tests)
 */
final class PointBuffer<P> {
    private final int capacity;
    private final Deque<P> queued = new ArrayDeque<>();
    private List<P> inFlight = List.of();
    private long accepted;
    private long written;
    private long dropped;
    private long rejected;
    private boolean closed;

    PointBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("buffer capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues points, dropping the oldest queued (or, when only the batch in flight fills the buffer, these). */
    synchronized void add(Collection<P> points) {
        for (P p : points) {
            accepted++;
            if (queued.size() + inFlight.size() >= capacity) {
                if (queued.isEmpty()) {
                    dropped++;
                    continue;
                }
                queued.removeFirst();
                dropped++;
            }
            queued.addLast(p);
        }
        notifyAll();
    }

    /**
     * The batch to send: the one already in flight (a retry), else up to {@code max} queued points, waiting up to
     * {@code wait} for some. Empty when none came or the buffer is closed and empty.
     */
    synchronized List<P> nextBatch(int max, Duration wait) throws InterruptedException {
        if (!inFlight.isEmpty()) {
            return inFlight;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (queued.isEmpty() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        int n = Math.min(max, queued.size());
        List<P> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(queued.removeFirst());
        }
        inFlight = List.copyOf(batch);
        return inFlight;
    }

    /** The batch in flight reached the server: {@code rejectedByServer} of its points were refused, the rest kept. */
    synchronized void batchDone(int rejectedByServer) {
        int r = Math.max(0, Math.min(rejectedByServer, inFlight.size()));
        rejected += r;
        written += inFlight.size() - r;
        inFlight = List.of();
        notifyAll();
    }

    /** Waits until nothing is pending; false when {@code timeout} passed first. */
    synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        return awaitResolved(accepted, timeout);
    }

    /** Waits until {@code count} points are written, dropped or rejected; false when {@code timeout} passed first. */
    synchronized boolean awaitResolved(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (written + dropped + rejected < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Wakes the sender so it finishes; points still queued stay counted as pending. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized WriteStats stats() {
        return new WriteStats(accepted, written, dropped, rejected, queued.size() + inFlight.size());
    }

    synchronized long accepted() {
        return accepted;
    }
}
