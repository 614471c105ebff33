package dev.ballast.scheduler.benchmark;

import java.util.List;

/**
 * A consolidation policy run by the benchmark: every decision interval it reads the world (hosts, VMs, their
 * current demand and history) and returns the migrations to start now, as CloudSim's {@code optimizeAllocation}.
 * It may change hosts' VM lists tentatively while deciding, through {@link Tentative}, and must undo that.
 */
interface ConsolidationPolicy {
    String name();

    List<Migration> optimize(SimulatedWorld world, double now);
}
