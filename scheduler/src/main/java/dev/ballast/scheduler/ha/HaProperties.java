package dev.ballast.scheduler.ha;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Several instances on ZooKeeper and a shared PostgreSQL store. {@code zookeeper} is the connect string;
 * {@code sessionTimeout} bounds failover (a dead leader's session expires after it; a cut-off leader stops acting
 * after about two thirds of it, before anyone else can take over). {@code advertisedUrl} is how the other instances
 * reach this one to forward actions (default http://127.0.0.1:port). {@code member} names the machine (default:
 * the host name): a machine runs one instance per cluster it may manage, and the leaders of the clusters are spread
 * over the members, checked every {@code rebalanceInterval} (0 turns the spreading off).
 */
@ConfigurationProperties("ballast.ha")
public record HaProperties(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "127.0.0.1:2181") String zookeeper,
        @Bindable(defaultValue = "10s") Duration sessionTimeout,
        @Bindable(defaultValue = "5s") Duration connectionTimeout,
        @Bindable(defaultValue = "ballast") String namespace,
        @Nullable String instanceId,
        @Nullable String advertisedUrl,
        @Nullable String member,
        @Bindable(defaultValue = "30s") Duration rebalanceInterval) {
}
