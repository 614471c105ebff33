package dev.ballast.scheduler.api;

import dev.ballast.scheduler.planning.ContradictoryRulesException;
import dev.ballast.scheduler.plans.PlanService;
import dev.ballast.scheduler.plans.PlanViews.PlanSummary;
import dev.ballast.scheduler.plans.PlanViews.PlanView;
import dev.ballast.scheduler.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.sse.Event;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.time.Duration;
import java.util.List;

/** Plan previews, their lifecycle (approve, execute, cancel) and their progress as server-sent events. */
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
    PlanView preview(@Body JsonNode body, @Nullable Authentication who) {
        PlanRequest request = PlanRequest.parse(body, defaultTimeLimitSeconds, defaultSpareHosts);
        try {
            return plans.preview(request.planning(), Duration.ofSeconds(request.timeLimitSeconds()),
                    who == null ? "anonymous" : who.getName(), request.scenario()).view();
        } catch (dev.ballast.scheduler.planning.PolicyException e) {
            throw new BadRequestException(e.field(), e.getMessage());
        } catch (ContradictoryRulesException e) {
            throw new BadRequestException("rules", e.getMessage());
        } catch (IllegalArgumentException e) {
            // Requests naming VMs or hosts the cluster does not have.
            throw new BadRequestException("body", e.getMessage());
        }
    }

    @Get
    List<PlanSummary> list() {
        return plans.all().stream().map(ApiMapper::summary).toList();
    }

    @Get("/{id}")
    PlanView get(String id) {
        return plans.get(id).view();
    }

    @Post("/{id}/approve")
    @Secured(Roles.OPERATOR)
    PlanView approve(String id, Authentication who) {
        return plans.approve(id, who.getName()).view();
    }

    @Post("/{id}/execute")
    @Secured(Roles.OPERATOR)
    HttpResponse<PlanView> execute(String id, Authentication who) {
        return HttpResponse.accepted().body(plans.execute(id, who.getName()).view());
    }

    @Post("/{id}/cancel")
    @Secured(Roles.OPERATOR)
    PlanView cancel(String id, Authentication who) {
        return plans.cancel(id, who.getName()).view();
    }

    /** The plan's view now and at every change, ending once the plan is final. */
    @Get(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.IO)
    Publisher<Event<PlanView>> events(String id) {
        plans.get(id);
        return Flux.create((FluxSink<Event<PlanView>> sink) -> {
            Runnable unsubscribe = plans.subscribe(id, view -> {
                sink.next(Event.of(view).name(view.status().toLowerCase()));
                if (dev.ballast.scheduler.plans.PlanStatus.valueOf(view.status()).isFinal()) {
                    sink.complete();
                }
            });
            sink.onDispose(unsubscribe::run);
        });
    }
}
