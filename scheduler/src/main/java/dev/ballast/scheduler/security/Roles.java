package dev.ballast.scheduler.security;

/** The two roles: viewers read and preview; operators also approve, execute, cancel and steer the autopilot. */
public final class Roles {
    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";

    private Roles() {
    }
}
