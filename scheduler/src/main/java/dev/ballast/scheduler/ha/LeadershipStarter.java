package dev.ballast.scheduler.ha;

import dev.ballast.scheduler.autopilot.Autopilot;
import dev.ballast.scheduler.plans.PlanService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Joins the election once the server listens (its URL is what the others forward actions to). A new leader
 * recovers like a restarted instance, then takes up the autopilot's memory, mode included; losing leadership aborts
 * the plan executing.
 */
@Singleton
@Requires(property = "ballast.ha.enabled", value = "true")
final class LeadershipStarter implements ApplicationEventListener<ServerStartupEvent> {
    private final ClusterLeadership leadership;
    private final PlanService plans;
    private final Autopilot autopilot;
    private final HaProperties ha;

    LeadershipStarter(ClusterLeadership leadership, PlanService plans, Autopilot autopilot, HaProperties ha) {
        this.leadership = leadership;
        this.plans = plans;
        this.autopilot = autopilot;
        this.ha = ha;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String url = ha.advertisedUrl() != null && !ha.advertisedUrl().isBlank() ? ha.advertisedUrl()
                : "http://127.0.0.1:" + event.getSource().getPort();
        leadership.start(url, new ClusterLeadership.Callbacks() {
            @Override
            public void takeOver() {
                plans.recover("the previous leader stopped");
                autopilot.recall(true);
            }

            @Override
            public void stepDown() {
                plans.stepDown();
            }

            @Override
            public boolean idle() {
                return plans.executingPlan().isEmpty();
            }
        });
    }
}
