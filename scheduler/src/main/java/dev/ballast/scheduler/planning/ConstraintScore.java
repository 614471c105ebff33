package dev.ballast.scheduler.planning;

import java.util.List;

/**
 * One constraint's part of the score before and after a plan, with the top reasons it matched after the plan.
 * Scores are Timefold's "0hard/0medium/-12soft" strings.
 */
public record ConstraintScore(String constraint, String before, String after, String change, int matchesBefore,
                              int matchesAfter, List<String> justifications) {
}
