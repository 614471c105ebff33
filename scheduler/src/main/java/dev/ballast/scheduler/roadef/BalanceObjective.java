package dev.ballast.scheduler.roadef;

/**
 * A balance target between two resources' free capacity on every machine: cost
 * {@code max(0, target × free(resource1) − free(resource2))}, so that free CPU is not stranded without free memory.
 */
public record BalanceObjective(int resource1, int resource2, long target, long weight) {
}
