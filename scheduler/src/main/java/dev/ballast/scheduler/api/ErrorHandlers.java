package dev.ballast.scheduler.api;

import dev.ballast.scheduler.api.ApiViews.Problem;
import dev.ballast.scheduler.plans.PlanConflictException;
import dev.ballast.scheduler.plans.NotLeaderException;
import dev.ballast.scheduler.plans.PlanNotFoundException;
import dev.ballast.scheduler.plans.StaleLeaderException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** One handler per error type: each answers with problem details naming the field at fault where there is one. */
final class ErrorHandlers {
    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private ErrorHandlers() {
    }

    static HttpResponse<Problem> problem(HttpStatus status, String field, String detail) {
        return HttpResponse.<Problem>status(status).contentType(PROBLEM_JSON)
                .body(new Problem("about:blank", status.getReason(), status.getCode(), detail, field));
    }

    @Produces
    @Singleton
    @Requires(classes = {BadRequestException.class, ExceptionHandler.class})
    static final class BadRequest implements ExceptionHandler<BadRequestException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, BadRequestException e) {
            return problem(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {PlanNotFoundException.class, ExceptionHandler.class})
    static final class NotFound implements ExceptionHandler<PlanNotFoundException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, PlanNotFoundException e) {
            return problem(HttpStatus.NOT_FOUND, "id", e.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {PlanConflictException.class, ExceptionHandler.class})
    static final class Conflict implements ExceptionHandler<PlanConflictException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, PlanConflictException e) {
            return problem(HttpStatus.CONFLICT, null, e.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {NotLeaderException.class, ExceptionHandler.class})
    static final class NotLeader implements ExceptionHandler<NotLeaderException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotLeaderException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, null, e.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {StaleLeaderException.class, ExceptionHandler.class})
    static final class StaleLeader implements ExceptionHandler<StaleLeaderException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, StaleLeaderException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, null, e.getMessage());
        }
    }
}
