package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;

import java.util.List;

/** One constraint's part of the score before and after a plan, with the top reasons it matched after the plan. */
public record ConstraintScore(String constraint, HardMediumSoftScore before, HardMediumSoftScore after,
                              HardMediumSoftScore change, int matchesBefore, int matchesAfter, List<String> justifications) {
    /** A hard or medium constraint the proposed placement still breaks. */
    public boolean broken() {
        return after.hardScore() < 0 || after.mediumScore() < 0;
    }
}
