package dev.ballast.collectors.archfixture;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import dev.ballast.scheduler.planning.Goal;

/** A deliberately wrong class (test sources only): a collector using the scheduler and Timefold. */
public final class CollectorThatReachesIntoScheduler {
    public Goal goal() {
        return Goal.BALANCE;
    }

    public HardMediumSoftScore score() {
        return HardMediumSoftScore.ZERO;
    }
}
