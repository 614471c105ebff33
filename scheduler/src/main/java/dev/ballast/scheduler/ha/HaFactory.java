package dev.ballast.scheduler.ha;

import dev.ballast.scheduler.config.ClusterProperties;
import dev.ballast.scheduler.plans.Database;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

/** Several instances: the ZooKeeper client, the cluster's leader epochs in the shared database, and the election. */
@Factory
@Requires(property = "ballast.ha.enabled", value = "true")
class HaFactory {

    @Singleton
    @Bean(preDestroy = "close")
    CuratorFramework curator(HaProperties ha) {
        if (ha.zookeeper() == null || ha.zookeeper().isBlank()) {
            throw new IllegalArgumentException("ballast.ha.zookeeper must name the ZooKeeper servers (host:port[,host:port...]), was empty");
        }
        if (ha.sessionTimeout().toMillis() < 1000) {
            throw new IllegalArgumentException("ballast.ha.session-timeout must be at least 1s, was " + ha.sessionTimeout());
        }
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(ha.zookeeper())
                .sessionTimeoutMs((int) ha.sessionTimeout().toMillis())
                .connectionTimeoutMs((int) ha.connectionTimeout().toMillis())
                .namespace(ha.namespace())
                .retryPolicy(new ExponentialBackoffRetry(200, 10, 2000))
                .build();
        client.start();
        return client;
    }

    @Singleton
    InstanceName instanceName(HaProperties ha, ClusterProperties cluster) {
        String member = ha.member() != null && !ha.member().isBlank() ? ha.member() : hostName();
        String instance = ha.instanceId() != null && !ha.instanceId().isBlank() ? ha.instanceId()
                : member + "-" + cluster.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        requireName("ballast.ha.member", member);
        requireName("ballast.ha.instance-id", instance);
        return new InstanceName(member, instance);
    }

    private static void requireName(String setting, String value) {
        if (value.contains("|") || value.contains(" ")) {
            throw new IllegalArgumentException(setting + " must not contain '|' or spaces, was '" + value + "'");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Singleton
    LeaderEpochs leaderEpochs(Database db, ClusterProperties cluster, InstanceName name) {
        return new LeaderEpochs(db, cluster.name(), name.instance(), Clock.systemUTC());
    }

    @Singleton
    @Bean(preDestroy = "close")
    ClusterLeadership clusterLeadership(CuratorFramework curator, ClusterProperties cluster, InstanceName name, LeaderEpochs epochs,
                                        HaProperties ha) {
        LeaderBalance balance = ha.rebalanceInterval().isZero() ? null : new LeaderBalance(curator);
        return new ClusterLeadership(curator, cluster.name(), name.member(), name.instance(), balance, ha.rebalanceInterval(),
                epochs, Clock.systemUTC());
    }

    /** The machine this instance runs on, and its own name in the election and the leader table. */
    record InstanceName(String member, String instance) {
    }
}
