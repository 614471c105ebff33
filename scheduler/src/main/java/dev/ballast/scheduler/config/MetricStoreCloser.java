package dev.ballast.scheduler.config;

import dev.ballast.collectors.metrics.MetricStore;
import jakarta.annotation.PreDestroy;
import io.micronaut.context.annotation.Context;

/** Flushes and closes a metric store that holds a connection (InfluxDB) when the service stops. */
@Context
class MetricStoreCloser {
    private final MetricStore store;

    MetricStoreCloser(MetricStore store) {
        this.store = store;
    }

    @PreDestroy
    void close() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
