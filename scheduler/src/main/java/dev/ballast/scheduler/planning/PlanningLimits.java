package dev.ballast.scheduler.planning;

/** Plan-wide limits as a problem fact: the migration budget and the spare capacity to keep (in hosts). */
public record PlanningLimits(int maxMigrations, long maxMigrationMemoryMib, int spareHosts) {
    public static final PlanningLimits NONE = new PlanningLimits(Integer.MAX_VALUE, Long.MAX_VALUE, 0);
}
