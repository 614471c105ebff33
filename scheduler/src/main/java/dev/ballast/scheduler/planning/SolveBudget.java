package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;

/**
 * How long one solve may search: either wall time (what the service uses: a plan must come back in time), or a
 * number of moves evaluated by local search (what a benchmark uses when its figures must not depend on the CPU the
 * solver happens to get: the same problem and budget give the same plan on any machine, at any load).
 *
 * @param time  the wall-time limit; with a move budget, only a safety net that a sane budget never reaches
 * @param moves moves local search may evaluate, 0 for a time budget
 */
public record SolveBudget(Duration time, long moves) {
    /** With a move budget the time limit is only there so that a mistaken budget cannot hang a run. */
    private static final Duration MOVE_BUDGET_SAFETY_NET = Duration.ofMinutes(2);

    public SolveBudget {
        if (time == null || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, was " + time);
        }
        if (moves < 0) {
            throw new IllegalArgumentException("move budget must be >= 0, was " + moves);
        }
    }

    public static SolveBudget time(Duration limit) {
        return new SolveBudget(limit, 0);
    }

    public static SolveBudget moves(long moves) {
        if (moves <= 0) {
            throw new IllegalArgumentException("move budget must be > 0, was " + moves);
        }
        return new SolveBudget(MOVE_BUDGET_SAFETY_NET, moves);
    }

    public boolean deterministic() {
        return moves > 0;
    }

    /**
     * A time budget also stops once the best score has not improved for a fifth of it (at least 1 s); a move
     * budget stops only on its count, since a wall-clock rule would make the result depend on the machine again.
     */
    TerminationConfig termination() {
        if (deterministic()) {
            return new TerminationConfig().withMoveCountLimit(moves).withSpentLimit(time);
        }
        Duration unimproved = time.dividedBy(5).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : time.dividedBy(5);
        return new TerminationConfig().withSpentLimit(time).withUnimprovedSpentLimit(unimproved);
    }

    @Override
    public String toString() {
        return deterministic() ? moves + " moves" : time.toMillis() + " ms";
    }
}
