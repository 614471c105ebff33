package dev.ballast.scheduler.roadef;

import java.util.Arrays;

/**
 * The challenge's cost terms, unweighted, and the weighted total. {@code loadCosts[r]} and {@code balanceCosts[b]}
 * are summed over machines; {@code serviceMoveCost} is the largest number of moved processes of any one service.
 */
public record CostBreakdown(long[] loadCosts, long[] balanceCosts, long processMoveCost, long serviceMoveCost,
                            long machineMoveCost, long total) {

    @Override
    public String toString() {
        return "total " + total + " (load " + Arrays.toString(loadCosts) + ", balance " + Arrays.toString(balanceCosts)
                + ", process move " + processMoveCost + ", service move " + serviceMoveCost
                + ", machine move " + machineMoveCost + ")";
    }
}
