package dev.ballast.scheduler.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Who may do what. {@code tokens} are bearer tokens and {@code users} basic credentials, each written
 * {@code name:role:secret} with role viewer or operator. {@code anonymousViewer} lets requests without credentials
 * read and preview; unset, it is true on the embedded simulated cluster and false with a real one.
 */
@ConfigurationProperties("ballast.security")
public record SecurityProperties(@Nullable List<String> tokens, @Nullable List<String> users, @Nullable Boolean anonymousViewer) {
}
