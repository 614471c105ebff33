package dev.ballast.scheduler.api;

import dev.ballast.scheduler.api.ApiViews.PlanSummary;
import dev.ballast.scheduler.api.ApiViews.PlanView;
import dev.ballast.scheduler.planning.ContradictoryRulesException;
import io.micronaut.json.tree.JsonNode;
import dev.ballast.scheduler.plans.PlanService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import dev.ballast.scheduler.security.Roles;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** Plan previews and their execution. */
@Controller("/api/plans")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.VIEWER)
class PlanController {
    private final PlanService plans;
    private final int defaultTimeLimitSeconds;
    private final int defaultSpareHosts;

    PlanController(PlanService plans, dev.ballast.scheduler.config.PlanningProperties planning) {
        this.plans = plans;
        this.defaultTimeLimitSeconds = planning.defaultTimeLimitSeconds();
        this.defaultSpareHosts = planning.spareHosts();
    }

    @Post
    @Status(HttpStatus.CREATED)
    PlanView preview(@Body JsonNode body) {
        PlanRequest request = PlanRequest.parse(body, defaultTimeLimitSeconds, defaultSpareHosts);
        try {
            return ApiMapper.plan(plans.preview(request.planning(), Duration.ofSeconds(request.timeLimitSeconds())));
        } catch (ContradictoryRulesException e) {
            throw new BadRequestException("rules", e.getMessage());
        } catch (IllegalArgumentException e) {
            // Requests naming VMs or hosts the cluster does not have.
            throw new BadRequestException("body", e.getMessage());
        }
    }

    @Get
    List<PlanSummary> list() {
        return plans.all().stream()
                .sorted(Comparator.comparing((dev.ballast.scheduler.plans.PlanRecord r) -> r.preview().createdAt()).reversed())
                .map(ApiMapper::summary).toList();
    }

    @Get("/{id}")
    PlanView get(String id) {
        return ApiMapper.plan(plans.get(id));
    }

    @Post("/{id}/execute")
    @Secured(Roles.OPERATOR)
    HttpResponse<PlanView> execute(String id) {
        return HttpResponse.accepted().body(ApiMapper.plan(plans.execute(id)));
    }
}
