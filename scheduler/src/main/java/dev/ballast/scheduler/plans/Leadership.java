package dev.ballast.scheduler.plans;

/**
 * Whether this instance may act on its cluster now: execute plans, run the autopilot and the nightly
 * consolidation. Every instance serves reads and previews. A single instance always acts.
 */
public interface Leadership {
    Leadership ALONE = () -> true;

    boolean acting();
}
