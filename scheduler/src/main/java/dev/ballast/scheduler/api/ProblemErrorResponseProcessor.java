package dev.ballast.scheduler.api;

import dev.ballast.scheduler.api.ApiViews.Problem;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Micronaut's own errors (malformed JSON, unknown route, 401, 403, 413, ...) as problem details, like Ballast's,
 * so that clients read one error format.
 */
@Singleton
@Primary
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        String detail = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        String field = context.getErrors().stream().map(e -> e.getPath().orElse(null)).filter(p -> p != null).findFirst().orElse(null);
        if (status == HttpStatus.UNAUTHORIZED) {
            detail = "credentials are required: send 'Authorization: Bearer <token>' or basic credentials";
        } else if (status == HttpStatus.FORBIDDEN) {
            detail = "this needs the operator role";
        }
        return base.contentType(ErrorHandlers.PROBLEM_JSON)
                .body(new Problem("about:blank", status.getReason(), status.getCode(), detail, field));
    }
}
