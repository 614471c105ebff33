package dev.ballast.collectors.collection;

/** Reads the cluster once: inventory, usage since the previous round, and which sources could not be read. */
public interface Collector extends AutoCloseable {
    CollectionRound collect();

    @Override
    default void close() {
    }
}
