package dev.ballast.scheduler.benchmark;

/**
 * The figures of one policy on one trace-day.
 *
 * @param energyKwh            energy of all hosts
 * @param migrations           migrations started
 * @param slatah               SLA time per active host (fraction)
 * @param pdm                  performance degradation due to migration (fraction)
 * @param activeHosts          hosts drawing power at each decision (utilization &gt; 0)
 * @param vmsMigrated          VMs migrated at least once
 * @param maxMigrationsPerVm   the most migrations of one VM
 * @param pingPong             migrations back to a host the VM left within the cooldown
 * @param replannedInRound     VMs given two targets in one round (CloudSim's under-load pass can pick a host that
 *                             just received a VM from an overloaded host; counted, not prevented, to stay faithful)
 * @param unplacedVms          VMs the initial placement could not place
 * @param finishedVms          VMs removed when they asked for no CPU (CloudSim 3.0.3's "completed VMs")
 * @param wallSeconds          time the run took
 * @param memory               refused migrations, migration time and memory peak
 */
public record RunResult(String policy, String day, int vms, double energyKwh, int migrations, double slatah, double pdm,
                        int[] activeHosts, int vmsMigrated, int maxMigrationsPerVm, int pingPong, int replannedInRound,
                        int unplacedVms, int finishedVms, double wallSeconds, MemoryFigures memory) {
    public double slav() {
        return slatah * pdm;
    }

    public double esv() {
        return energyKwh * slav();
    }

    public double meanActiveHosts() {
        double sum = 0;
        for (int a : activeHosts) {
            sum += a;
        }
        return activeHosts.length == 0 ? 0 : sum / activeHosts.length;
    }

    public double meanMigrationsPerVm() {
        return vms == 0 ? 0 : (double) migrations / vms;
    }
}
