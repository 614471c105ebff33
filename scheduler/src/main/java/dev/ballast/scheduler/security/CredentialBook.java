package dev.ballast.scheduler.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured tokens and users. On the embedded simulated cluster with no token configured it makes up an
 * operator token and prints it at start, so the quick start can execute plans.
 */
@Singleton
public class CredentialBook {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialBook.class);

    private final List<Credential> tokens = new ArrayList<>();
    private final List<Credential> users = new ArrayList<>();
    private final boolean anonymousViewer;

    CredentialBook(SecurityProperties properties, @Value("${ballast.cluster.mode:simulated}") String clusterMode) {
        boolean simulated = "simulated".equalsIgnoreCase(clusterMode);
        if (properties.tokens() != null) {
            properties.tokens().forEach(t -> tokens.add(Credential.parse(t, "ballast.security.tokens")));
        }
        if (properties.users() != null) {
            properties.users().forEach(u -> users.add(Credential.parse(u, "ballast.security.users")));
        }
        this.anonymousViewer = properties.anonymousViewer() == null ? simulated : properties.anonymousViewer();
        if (simulated && tokens.stream().noneMatch(c -> c.roles().contains(Roles.OPERATOR))) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            tokens.add(new Credential("generated-operator", List.of(Roles.VIEWER, Roles.OPERATOR), token));
            LOG.info("operator token for this run (send as 'Authorization: Bearer <token>'): {}", token);
        }
        if (!simulated && tokens.isEmpty() && users.isEmpty()) {
            LOG.warn("a real cluster is configured but ballast.security has no tokens or users: every request will be refused");
        }
    }

    public boolean anonymousViewer() {
        return anonymousViewer;
    }

    Optional<Credential> byToken(String token) {
        return tokens.stream().filter(c -> same(c.secret(), token)).findFirst();
    }

    Optional<Credential> byUser(String name, String password) {
        return users.stream().filter(c -> c.name().equals(name) && same(c.secret(), password)).findFirst();
    }

    /** Compares secrets in constant time. */
    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
