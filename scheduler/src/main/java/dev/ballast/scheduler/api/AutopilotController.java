package dev.ballast.scheduler.api;

import dev.ballast.scheduler.autopilot.Autopilot;
import dev.ballast.scheduler.autopilot.AutopilotMode;
import dev.ballast.scheduler.plans.PlanService;
import dev.ballast.scheduler.plans.PlanViews.Decision;
import dev.ballast.scheduler.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Set;

/** The autopilot's state and mode, and its decision log. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.VIEWER)
class AutopilotController {
    private final Autopilot autopilot;
    private final PlanService plans;

    AutopilotController(Autopilot autopilot, PlanService plans) {
        this.autopilot = autopilot;
        this.plans = plans;
    }

    @Serdeable
    record AutopilotView(String mode, boolean nightly, String nightlyStart, String nightlyEnd, String wakeLead, String zone,
                         int migrationsPerHour, String staleAfter, @Nullable Decision lastDecision) {
    }

    @Get("/autopilot")
    AutopilotView state() {
        List<Decision> last = plans.decisions(1);
        var n = autopilot.nightly();
        return new AutopilotView(autopilot.mode().name(), n.enabled(), n.start().toString(), n.end().toString(),
                n.wakeLead().toString(), n.zone().getId(), autopilot.settings().migrationsPerHour(),
                autopilot.settings().staleAfter().toString(), last.isEmpty() ? null : last.get(0));
    }

    @Put("/autopilot")
    @Secured(Roles.OPERATOR)
    AutopilotView setMode(@Body JsonNode body, Authentication who) {
        JsonFields.object(body, "body");
        JsonFields.onlyKnown(body, "", Set.of("mode"));
        AutopilotMode mode = JsonFields.enumValue(body, "", "mode", AutopilotMode.class, null);
        autopilot.setMode(mode, who.getName());
        return state();
    }

    /** Runs one turn of the loop now (the loop also runs on its own at the configured interval). */
    @Post("/autopilot/tick")
    @Secured(Roles.OPERATOR)
    @Nullable
    Decision tick() {
        return autopilot.tick();
    }

    @Get("/decisions")
    List<Decision> decisions(@QueryValue(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new BadRequestException("limit", "limit must be between 1 and 10000, was " + limit);
        }
        return plans.decisions(limit);
    }
}
