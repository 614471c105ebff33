package dev.ballast.scheduler.config;

import dev.ballast.actuators.execution.HypervisorDriver;
import dev.ballast.actuators.libvirt.LibvirtHost;
import dev.ballast.actuators.libvirt.LibvirtHypervisor;
import dev.ballast.actuators.libvirt.MigrationSettings;
import dev.ballast.collectors.collection.CollectionLoop;
import dev.ballast.collectors.libvirt.LibvirtCollector;
import dev.ballast.collectors.libvirt.LibvirtSettings;
import dev.ballast.collectors.metrics.MetricStore;
import dev.ballast.scheduler.cluster.ClusterInventory;
import dev.ballast.scheduler.ha.HaProperties;
import dev.ballast.scheduler.plans.Leadership;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real cluster ({@code ballast.cluster.mode=libvirt}): the actuators' libvirt driver reports the inventory and
 * migrates; the collectors' libvirt collector writes usage into the metric store every interval.
 */
@Factory
@Requires(property = "ballast.cluster.mode", value = "libvirt")
class RealClusterFactory {

    @Singleton
    HypervisorDriver libvirtHypervisor(ClusterProperties cluster) {
        MigrationSettings defaults = MigrationSettings.defaults();
        MigrationSettings settings = new MigrationSettings(cluster.migrationMibPerSecond(), defaults.timeout(),
                defaults.progressInterval(), defaults.rule(), defaults.overrides(), defaults.bootTimeout());
        return new LibvirtHypervisor(hosts(cluster), settings);
    }

    @Singleton
    ClusterInventory inventory(HypervisorDriver driver) {
        return driver::observe;
    }

    @Singleton
    @Bean(preDestroy = "close")
    CollectionLoop collectionLoop(ClusterProperties cluster, MetricStore store, MetricsProperties metrics, HaProperties ha, Leadership leadership) {
        List<String> uris = hosts(cluster).stream().map(LibvirtHost::uri).toList();
        CollectionLoop loop = new CollectionLoop(new LibvirtCollector(new LibvirtSettings(uris, cluster.interval())), store, cluster.interval());
        if (ha.enabled() && "influx".equalsIgnoreCase(metrics.store())) {
            // one InfluxDB for all instances: the leader alone writes each sample; the others read it
            loop.start(leadership::acting);
        } else {
            // each instance keeps its own in-memory history, so each collects
            loop.start();
        }
        return loop;
    }

    static List<LibvirtHost> hosts(ClusterProperties cluster) {
        if (cluster.hosts() == null || cluster.hosts().isEmpty()) {
            throw new IllegalArgumentException("ballast.cluster.mode=libvirt needs ballast.cluster.hosts: entries 'id uri [peer-uri]'");
        }
        List<LibvirtHost> hosts = new ArrayList<>();
        for (String entry : cluster.hosts()) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("ballast.cluster.hosts entry '" + entry + "' must be 'id uri [peer-uri]'");
            }
            hosts.add(new LibvirtHost(dev.ballast.collectors.cluster.HostId.of(parts[0]), parts[1],
                    parts.length == 3 ? parts[2] : parts[1], LibvirtSettings.DEFAULT_POWER, Map.of()));
        }
        return hosts;
    }
}
