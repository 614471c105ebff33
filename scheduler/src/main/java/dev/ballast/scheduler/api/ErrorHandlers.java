package dev.ballast.scheduler.api;

import dev.ballast.scheduler.api.ApiViews.ApiError;
import dev.ballast.scheduler.plans.PlanConflictException;
import dev.ballast.scheduler.plans.PlanNotFoundException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** One handler per error type: each answers with a JSON body naming the field at fault where there is one. */
final class ErrorHandlers {
    private ErrorHandlers() {
    }

    static HttpResponse<ApiError> error(HttpStatus status, String field, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(status.getCode(), status.getReason(), field, message));
    }

    @Produces
    @Singleton
    @Requires(classes = {BadRequestException.class, ExceptionHandler.class})
    static final class BadRequest implements ExceptionHandler<BadRequestException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, BadRequestException e) {
            return error(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {PlanNotFoundException.class, ExceptionHandler.class})
    static final class NotFound implements ExceptionHandler<PlanNotFoundException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, PlanNotFoundException e) {
            return error(HttpStatus.NOT_FOUND, "id", e.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {PlanConflictException.class, ExceptionHandler.class})
    static final class Conflict implements ExceptionHandler<PlanConflictException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, PlanConflictException e) {
            return error(HttpStatus.CONFLICT, null, e.getMessage());
        }
    }
}
