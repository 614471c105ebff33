package dev.ballast.scheduler.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Arrays;
import java.util.Optional;

/**
 * Lets requests without credentials reach routes secured for viewers, where anonymous viewers are allowed (the
 * embedded default). Anything else, operator routes included, goes on to the usual rules, so an anonymous
 * request for an actuation is answered 401, not let through.
 */
@Singleton
class AnonymousViewerRule implements SecurityRule<HttpRequest<?>> {
    private final CredentialBook book;

    AnonymousViewerRule(CredentialBook book) {
        this.book = book;
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication != null || !book.anonymousViewer() || request.getHeaders().getAuthorization().isPresent()) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        boolean viewerOnly = route.map(r -> Arrays.equals(r.getAnnotationMetadata().stringValues(Secured.class),
                new String[]{Roles.VIEWER})).orElse(false);
        return Publishers.just(viewerOnly ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 1;
    }

}
