package dev.ballast.scheduler.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * Which cluster Ballast manages. {@code name} names it in the shared store and in ZooKeeper (instances configured
 * with the same name take turns leading it). {@code mode} is {@code simulated} (the embedded default) or {@code libvirt}; for
 * libvirt, {@code hosts} lists each host as {@code id uri [peer-uri]} (the peer URI is how the other hosts' libvirtd
 * reach it for peer-to-peer migration; it defaults to the URI), and {@code interval} is how often usage is
 * collected.
 */
@ConfigurationProperties("ballast.cluster")
public record ClusterProperties(
        @Bindable(defaultValue = "default") String name,
        @Bindable(defaultValue = "simulated") String mode,
        @Nullable List<String> hosts,
        @Bindable(defaultValue = "10s") Duration interval,
        @Bindable(defaultValue = "64") long migrationMibPerSecond) {
}
