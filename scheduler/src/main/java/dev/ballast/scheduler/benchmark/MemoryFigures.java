package dev.ballast.scheduler.benchmark;

/**
 * What memory and migration time add to a run's figures (the realistic model's; the CloudSim-compatible model
 * fills the times and the peak, which shows how far CloudSim's world goes past the hosts' memory).
 *
 * @param refusedForMemory  migrations not started because the target could not hold the VM's memory (at the
 *                          sequencing or when their wave came)
 * @param notStarted        planned migrations dropped before their wave started (a newer decision came first)
 * @param migratingSeconds  VM-seconds spent migrating
 * @param downtimeSeconds   VM-seconds paused by the stop-and-copy phase (realistic model only)
 * @param peakMemoryUse     the highest share of a host's memory allocated at any event
 */
public record MemoryFigures(int refusedForMemory, int notStarted, double migratingSeconds, double downtimeSeconds,
                            double peakMemoryUse) {
    public static final MemoryFigures NONE = new MemoryFigures(0, 0, 0, 0, 0);
}
