package dev.ballast.collectors.libvirt;

import java.util.Map;

/**
 * Memory in use by a domain from its libvirt memory statistics (tag to KiB, as {@code virDomainMemoryStats}
 * reports them): the balloon's view when the guest reports it, else the QEMU process's RSS capped at the
 * allocation (RSS also counts QEMU's own overhead), else the allocation.
 */
final class GuestMemory {
    // virDomainMemoryStatTags
    static final int UNUSED = 4;
    static final int AVAILABLE = 5;
    static final int ACTUAL_BALLOON = 6;
    static final int RSS = 7;
    static final int USABLE = 8;
    /** How many statistics to ask for (VIR_DOMAIN_MEMORY_STAT_NR in libvirt 9). */
    static final int ALL = 13;

    record Used(double mib, MemorySource source) {
    }

    private GuestMemory() {
    }

    static Used of(Map<Integer, Long> statsKib, long currentMemoryMib) {
        Long available = statsKib.get(AVAILABLE);
        Long free = statsKib.containsKey(USABLE) ? statsKib.get(USABLE) : statsKib.get(UNUSED);
        if (available != null && free != null && available > 0) {
            return new Used(Math.max(0, available - free) / 1024.0, MemorySource.BALLOON);
        }
        Long rss = statsKib.get(RSS);
        if (rss != null && rss > 0) {
            return new Used(Math.min(rss / 1024.0, currentMemoryMib), MemorySource.RSS);
        }
        return new Used(currentMemoryMib, MemorySource.ALLOCATION);
    }
}
