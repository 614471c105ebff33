package dev.ballast.scheduler.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads {@code Authorization: Bearer <token>} or {@code Basic <user:password>} against the configured credentials.
 * A request with a wrong one is never downgraded to anonymous, so it gets 401.
 */
@Singleton
class BallastAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    private final CredentialBook book;

    BallastAuthenticationFetcher(CredentialBook book) {
        this.book = book;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty()) {
            // Anonymous viewers are let through by AnonymousViewerRule, unauthenticated.
            return Publishers.empty();
        }
        String value = header.get().trim();
        Optional<Credential> found = Optional.empty();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            found = book.byToken(value.substring(7).trim());
        } else if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            found = basic(value.substring(6).trim());
        }
        return found.map(c -> Publishers.just(Authentication.build(c.name(), c.roles()))).orElseGet(Publishers::empty);
    }

    private Optional<Credential> basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : book.byUser(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

}
