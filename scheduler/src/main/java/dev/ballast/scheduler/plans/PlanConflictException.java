package dev.ballast.scheduler.plans;

/** The plan is not in a state that allows the request (e.g. executing a plan twice). */
public final class PlanConflictException extends RuntimeException {
    public PlanConflictException(String message) {
        super(message);
    }
}
