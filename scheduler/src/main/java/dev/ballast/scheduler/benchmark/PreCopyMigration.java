package dev.ballast.scheduler.benchmark;

/**
 * Live migration by iterative pre-copy (Clark et al., NSDI 2005; QEMU's default): the first round copies the VM's
 * used memory over the migration bandwidth; each next round copies what the guest dirtied during the previous
 * one; when what is left can be copied within the downtime limit, or after {@code maxRounds} rounds, or as soon
 * as a round no longer shrinks (the guest dirties as fast as the link copies), the VM is paused and the rest is
 * copied (stop-and-copy). With used memory M, bandwidth B and dirty rate D (ρ = D ÷ B), round i copies
 * V_i = M·ρ^i (never more than M) in V_i ÷ B seconds; the total time is Σ V_i ÷ B over the pre-copy rounds plus
 * the stop-and-copy.
 *
 * @param downtimeLimitSeconds the pause the migration aims for (QEMU's default {@code downtime-limit}, 300 ms)
 * @param maxRounds            pre-copy rounds at most before stop-and-copy (Xen's 30)
 */
record PreCopyMigration(double downtimeLimitSeconds, int maxRounds) {
    static final PreCopyMigration DEFAULTS = new PreCopyMigration(0.3, 30);

    PreCopyMigration {
        if (!(downtimeLimitSeconds > 0) || maxRounds < 1) {
            throw new IllegalArgumentException("pre-copy needs downtimeLimitSeconds > 0 and maxRounds >= 1, was "
                    + downtimeLimitSeconds + ", " + maxRounds);
        }
    }

    /** What one migration costs. */
    record Estimate(int rounds, double seconds, double downtimeSeconds, double copiedMb) {
    }

    /**
     * @param usedMb        memory the guest uses (what the first round copies)
     * @param dirtyMbPerS   the rate the guest writes memory
     * @param bandwidthMbPerS the bandwidth the migration gets
     */
    Estimate estimate(double usedMb, double dirtyMbPerS, double bandwidthMbPerS) {
        if (!(usedMb >= 0) || !(dirtyMbPerS >= 0) || !(bandwidthMbPerS > 0)) {
            throw new IllegalArgumentException("a migration needs used memory >= 0, dirty rate >= 0 and bandwidth > 0 MB/s, was "
                    + usedMb + ", " + dirtyMbPerS + ", " + bandwidthMbPerS);
        }
        double ratio = dirtyMbPerS / bandwidthMbPerS;
        double seconds = 0;
        double copied = 0;
        double toCopy = usedMb;
        int rounds = 0;
        while (true) {
            seconds += toCopy / bandwidthMbPerS;
            copied += toCopy;
            rounds++;
            double dirtied = Math.min(usedMb, toCopy * ratio);
            if (dirtied / bandwidthMbPerS <= downtimeLimitSeconds || rounds >= maxRounds || dirtied >= toCopy) {
                double downtime = dirtied / bandwidthMbPerS;
                return new Estimate(rounds, seconds + downtime, downtime, copied + dirtied);
            }
            toCopy = dirtied;
        }
    }
}
