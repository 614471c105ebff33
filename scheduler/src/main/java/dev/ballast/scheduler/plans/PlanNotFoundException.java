package dev.ballast.scheduler.plans;

/** No plan has this id. */
public final class PlanNotFoundException extends RuntimeException {
    public PlanNotFoundException(String id) {
        super("no plan with id '" + id + "'");
    }
}
