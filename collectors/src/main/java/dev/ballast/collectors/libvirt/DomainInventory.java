package dev.ballast.collectors.libvirt;

/**
 * One domain as read in a scan.
 *
 * @param cpuTimeNanos   CPU time the domain used since it started (all its threads)
 * @param readAtNanos    {@link System#nanoTime()} when {@code cpuTimeNanos} was read, for the next round's delta
 * @param memoryUsedMib  memory in use, from {@code memorySource}
 */
public record DomainInventory(String uuid, String name, DomainRunState state, int vcpus, long maxMemoryMib,
                              long currentMemoryMib, long cpuTimeNanos, long readAtNanos, double memoryUsedMib,
                              MemorySource memorySource) {
    public boolean isActive() {
        return state != DomainRunState.SHUTOFF && state != DomainRunState.NOSTATE
                && state != DomainRunState.CRASHED;
    }
}
