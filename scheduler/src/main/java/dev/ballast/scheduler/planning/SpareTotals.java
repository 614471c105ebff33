package dev.ballast.scheduler.planning;

/** Free capacity summed over the hosts in use, and the largest single host limit, per resource. */
record SpareTotals(long freeCpu, long largestCpu, long freeMemory, long largestMemory) {
    long cpuShortfall(int spareHosts) {
        return Math.max(0, spareHosts * largestCpu - freeCpu);
    }

    long memoryShortfall(int spareHosts) {
        return Math.max(0, spareHosts * largestMemory - freeMemory);
    }
}
