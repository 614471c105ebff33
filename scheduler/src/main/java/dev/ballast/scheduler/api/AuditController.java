package dev.ballast.scheduler.api;

import dev.ballast.scheduler.plans.PlanService;
import dev.ballast.scheduler.plans.PlanViews.AuditEntry;
import dev.ballast.scheduler.security.Roles;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;

/** Who approved, executed and cancelled what, newest last. */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.OPERATOR)
class AuditController {
    private final PlanService plans;

    AuditController(PlanService plans) {
        this.plans = plans;
    }

    @Get
    List<AuditEntry> audit(@QueryValue(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new BadRequestException("limit", "limit must be between 1 and 10000, was " + limit);
        }
        return plans.audit(limit);
    }
}
