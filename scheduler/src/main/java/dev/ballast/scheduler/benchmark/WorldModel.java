package dev.ballast.scheduler.benchmark;

import dev.ballast.scheduler.sequencing.SequencingLimits;

import java.util.Locale;

/**
 * The rules of a simulated world (docs/benchmarks.md). The CloudSim 3.0.3-compatible model reproduces CloudSim
 * exactly, quirks included; the realistic model changes what a real KVM cluster would not do like CloudSim:
 * <ul>
 *   <li>memory is enforced: a host never holds more allocated memory than it has, and a migrating VM holds its
 *       memory on both hosts until it completes;</li>
 *   <li>a migration lasts as long as pre-copy needs for the VM's used memory (its trace) and dirty rate;</li>
 *   <li>a decision's migrations run wave by wave as the migration sequencer orders them, under its concurrency
 *       limits, rather than all at once;</li>
 *   <li>a VM asking no CPU stays where it is (CloudSim removes it for the rest of the run).</li>
 * </ul>
 *
 * @param name              as printed
 * @param enforceMemory     whether memory is a capacity after the initial placement
 * @param removeIdleVms     CloudSim's "completed VM" removal of a VM requesting 0 MIPS
 * @param preCopy           migration time by pre-copy, or {@code null} for CloudSim's RAM ÷ bandwidth
 * @param dirtyShare        realistic model: the share of its used memory a VM writes per second at full CPU
 * @param staggering        concurrency limits of the waves, or {@code null} to start a decision's migrations at once
 * @param hostMemoryMb      memory of every host, or 0 for the host type's (4096 MB)
 */
record WorldModel(String name, boolean enforceMemory, boolean removeIdleVms, PreCopyMigration preCopy, double dirtyShare,
                  SequencingLimits staggering, int hostMemoryMb) {
    /** CloudSim's migration bandwidth: half of the 1 Gbit/s link, in MB/s ({@code bw / (2 * 8000)}). */
    static final double MIGRATION_MB_PER_SECOND = 1_000_000 / (2 * 8000.0);

    WorldModel {
        if (!(dirtyShare >= 0) || hostMemoryMb < 0) {
            throw new IllegalArgumentException("world model " + name + " needs dirtyShare >= 0 and hostMemoryMb >= 0, was "
                    + dirtyShare + ", " + hostMemoryMb);
        }
    }

    static WorldModel cloudSim() {
        return new WorldModel("CloudSim-compatible", false, true, null, 0, null, 0);
    }

    /** The realistic model with its defaults: 5 % of used memory dirtied per second at full CPU, KubeVirt's limits. */
    static WorldModel realistic() {
        return realistic(0);
    }

    static WorldModel realistic(int hostMemoryMb) {
        return new WorldModel("realistic", true, false, PreCopyMigration.DEFAULTS, 0.05, SequencingLimits.defaults(), hostMemoryMb);
    }

    static WorldModel parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "cloudsim" -> cloudSim();
            case "realistic" -> realistic();
            default -> throw new IllegalArgumentException("unknown world model '" + text + "', expected cloudsim or realistic");
        };
    }

    boolean realisticMigrationTime() {
        return preCopy != null;
    }
}
