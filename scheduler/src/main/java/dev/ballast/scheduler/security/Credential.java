package dev.ballast.scheduler.security;

import java.util.List;
import java.util.Locale;

/** One configured credential: a name, its roles, and the secret (a bearer token or a password). */
record Credential(String name, List<String> roles, String secret) {
    /** Parses {@code name:role:secret}; the secret may itself contain colons. */
    static Credential parse(String entry, String setting) {
        String[] parts = entry == null ? new String[0] : entry.split(":", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException(setting + " entries must be name:role:secret, got '" + mask(entry) + "'");
        }
        String role = parts[1].trim().toUpperCase(Locale.ROOT);
        List<String> roles = switch (role) {
            case Roles.OPERATOR -> List.of(Roles.VIEWER, Roles.OPERATOR);
            case Roles.VIEWER -> List.of(Roles.VIEWER);
            default -> throw new IllegalArgumentException(setting + " entry for '" + parts[0] + "' has role '" + parts[1]
                    + "'; roles are viewer and operator");
        };
        return new Credential(parts[0].trim(), roles, parts[2]);
    }

    private static String mask(String entry) {
        if (entry == null) {
            return "null";
        }
        int last = entry.lastIndexOf(':');
        return last < 0 ? "***" : entry.substring(0, last + 1) + "***";
    }

    @Override
    public String toString() {
        return name + roles;
    }
}
