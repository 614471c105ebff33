package dev.ballast.scheduler.ha;

import dev.ballast.scheduler.config.ClusterProperties;
import dev.ballast.scheduler.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Optional;

/** Who leads this instance's cluster, and whether this instance acts (a single instance always does). */
@Controller("/api/leadership")
@Secured(Roles.VIEWER)
final class LeadershipController {
    private final Optional<ClusterLeadership> leadership;
    private final ClusterProperties cluster;

    LeadershipController(Optional<ClusterLeadership> leadership, ClusterProperties cluster) {
        this.leadership = leadership;
        this.cluster = cluster;
    }

    @Serdeable
    record LeadershipView(String cluster, boolean highAvailability, @Nullable String member, @Nullable String instance, boolean acting,
                          long epoch, boolean zookeeperConnected, @Nullable String leader, @Nullable String leaderUrl,
                          @Nullable Instant actingSince, long takeovers) {
    }

    @Get
    LeadershipView leadership() {
        if (leadership.isEmpty()) {
            return new LeadershipView(cluster.name(), false, null, null, true, 0, false, null, null, null, 0);
        }
        ClusterLeadership l = leadership.get();
        var leader = l.leader();
        return new LeadershipView(l.cluster(), true, l.member(), l.instance(), l.acting(), l.epoch(), l.connected(),
                leader.map(ClusterLeadership.Leader::instance).orElse(null), leader.map(ClusterLeadership.Leader::url).orElse(null),
                l.actingSince().orElse(null), l.takeovers());
    }
}
