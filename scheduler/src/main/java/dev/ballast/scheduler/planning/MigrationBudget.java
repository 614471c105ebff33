package dev.ballast.scheduler.planning;

/** How much one plan may move: a number of migrations and a total of memory to copy. */
public record MigrationBudget(int maxMigrations, long maxMemoryMib) {
    public static final MigrationBudget UNLIMITED = new MigrationBudget(Integer.MAX_VALUE, Long.MAX_VALUE);

    public MigrationBudget {
        if (maxMigrations < 0) {
            throw new IllegalArgumentException("maxMigrations must be >= 0, was " + maxMigrations);
        }
        if (maxMemoryMib < 0) {
            throw new IllegalArgumentException("maxMemoryMib must be >= 0, was " + maxMemoryMib);
        }
    }
}
