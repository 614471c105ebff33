package dev.ballast.collectors.collection;

import dev.ballast.collectors.metrics.MetricStore;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link Collector} every interval and writes each round's usage into a {@link MetricStore}, with the host
 * each VM ran on. A round that fails is logged and counted; the next one runs on time.
 */
public final class CollectionLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CollectionLoop.class.getName());

    private final Collector collector;
    private final MetricStore store;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    private final AtomicReference<CollectionRound> latest = new AtomicReference<>();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong failedRounds = new AtomicLong();

    public CollectionLoop(Collector collector, MetricStore store, Duration interval) {
        this.collector = Objects.requireNonNull(collector, "collector");
        this.store = Objects.requireNonNull(store, "store");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("collection interval must be > 0, was " + interval);
        }
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("ballast-collection").factory());
    }

    public void start() {
        start(() -> true);
    }

    /**
     * Runs a round every interval while {@code active} says so: where several schedulers share one metric store,
     * only the one that leads collects, so each sample is written once.
     */
    public void start(java.util.function.BooleanSupplier active) {
        timer.scheduleAtFixedRate(() -> {
            if (active.getAsBoolean()) {
                runOnce();
            }
        }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Collects and writes one round now, on the caller's thread. */
    public CollectionRound collectNow() {
        CollectionRound round = collector.collect();
        store.writeAll(round.vmUsage(), round.snapshot().placement(), round.hostUsage());
        latest.set(round);
        rounds.incrementAndGet();
        return round;
    }

    public Optional<CollectionRound> latest() {
        return Optional.ofNullable(latest.get());
    }

    public long rounds() {
        return rounds.get();
    }

    public long failedRounds() {
        return failedRounds.get();
    }

    /** Stops the loop and closes the collector (the loop owns it); the store stays open. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        collector.close();
    }

    private void runOnce() {
        try {
            collectNow();
        } catch (RuntimeException e) {
            failedRounds.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "collection round failed: " + e, e);
        }
    }
}
