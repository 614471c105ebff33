package dev.ballast.scheduler.ha;

import dev.ballast.scheduler.security.Roles;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** Who leads this instance's cluster, and whether this instance acts. */
@Controller("/api/leadership")
@Secured(Roles.VIEWER)
@Requires(property = "ballast.ha.enabled", value = "true")
final class LeadershipController {
    private final ClusterLeadership leadership;

    LeadershipController(ClusterLeadership leadership) {
        this.leadership = leadership;
    }

    @Serdeable
    record LeadershipView(String cluster, String member, String instance, boolean acting, long epoch, boolean zookeeperConnected,
                          @Nullable String leader, @Nullable String leaderUrl, @Nullable Instant actingSince, long takeovers) {
    }

    @Get
    LeadershipView leadership() {
        var leader = leadership.leader();
        return new LeadershipView(leadership.cluster(), leadership.member(), leadership.instance(), leadership.acting(), leadership.epoch(),
                leadership.connected(), leader.map(ClusterLeadership.Leader::instance).orElse(null),
                leader.map(ClusterLeadership.Leader::url).orElse(null), leadership.actingSince().orElse(null), leadership.takeovers());
    }
}
