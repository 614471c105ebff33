package dev.ballast.scheduler.planning;

/**
 * A placement policy that names what the cluster or the request does not have (a host label, a rule), or that can
 * never hold; {@link #field()} is the request field at fault ({@code rules}, {@code dependencies}, {@code moveCosts},
 * {@code serviceMoveCost}).
 */
public final class PolicyException extends IllegalArgumentException {
    private final String field;

    public PolicyException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
