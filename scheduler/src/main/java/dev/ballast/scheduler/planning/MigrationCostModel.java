package dev.ballast.scheduler.planning;

/**
 * Prices a pre-copy live migration (Clark et al., NSDI 2005): memory V over link rate B with dirty rate D takes
 * about V / (B - D). A VM that dirties memory nearly as fast as the link carries it converges badly; its rate is
 * capped at {@code convergenceLimit} × B so the price stays finite but high.
 */
public record MigrationCostModel(double linkMibPerSecond, double convergenceLimit) {
    public static final MigrationCostModel QEMU_DEFAULT = new MigrationCostModel(128, 0.8);

    public MigrationCostModel {
        if (!(linkMibPerSecond > 0)) {
            throw new IllegalArgumentException("linkMibPerSecond must be > 0, was " + linkMibPerSecond);
        }
        if (!(convergenceLimit > 0 && convergenceLimit < 1)) {
            throw new IllegalArgumentException("convergenceLimit must be in (0, 1), was " + convergenceLimit);
        }
    }

    public double seconds(double memoryMib, double dirtyRateMibPerSecond) {
        double dirty = Math.min(dirtyRateMibPerSecond, linkMibPerSecond * convergenceLimit);
        return memoryMib / (linkMibPerSecond - dirty);
    }

    /** In deciseconds, the unit of the migration-cost constraint. */
    public long deciseconds(double memoryMib, double dirtyRateMibPerSecond) {
        return Math.round(seconds(memoryMib, dirtyRateMibPerSecond) * 10);
    }
}
