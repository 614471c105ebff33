package dev.ballast.scheduler.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where plans, the audit log and decisions are kept: a JDBC URL. The embedded default is an H2 file database under
 * {@code ./data}; PostgreSQL works with its own URL and credentials.
 */
@ConfigurationProperties("ballast.store")
public record StoreProperties(
        @Bindable(defaultValue = "jdbc:h2:file:./data/ballast;AUTO_SERVER=FALSE") String url,
        @Bindable(defaultValue = "sa") String username,
        @Bindable(defaultValue = "") String password) {
}
