package dev.ballast.scheduler.planning;

/**
 * A resource balance target (ROADEF's balance cost), also a problem fact: on every host in use, each unit of free
 * {@code free} should come with {@code target} units of free {@code against}; the shortfall
 * {@code max(0, target × free(free) − free(against))} is penalized {@code weight} times. Free is the host's limit
 * minus what its VMs use, in milli-cores and MiB: {@code free=CPU, against=MEMORY, target=4.096} asks for 4 GiB of
 * free memory per free core, so CPU is not stranded on hosts whose memory is full.
 */
public record BalanceTarget(PlanningResource free, PlanningResource against, double target, long weight) {
    public BalanceTarget {
        if (free == null || against == null) {
            throw new IllegalArgumentException("a balance target needs two resources, was " + free + " and " + against);
        }
        if (free == against) {
            throw new IllegalArgumentException("a balance target compares two different resources, was " + free + " against " + against);
        }
        if (!(target > 0) || !Double.isFinite(target)) {
            throw new IllegalArgumentException("balance target of free " + free + " against " + against + " must be > 0, was " + target);
        }
        if (weight < 0) {
            throw new IllegalArgumentException("weight of balance target " + free + "/" + against + " must be >= 0, was " + weight);
        }
    }

    /** The unweighted shortfall on a host, in units of {@code against}. */
    long shortfall(HostUsage u) {
        return Math.max(0, Math.round(target * free(free, u) - free(against, u)));
    }

    private static long free(PlanningResource r, HostUsage u) {
        return Math.max(0, r.limit(u.host()) - r.used(u.cpuDemand(), u.memory()));
    }

    String describe(HostUsage u) {
        return u.host().getId() + " free " + against + " " + free(against, u) + " " + against.unit() + " < " + target + " x free "
                + free + " " + free(free, u) + " " + free.unit() + ", short by " + shortfall(u);
    }
}
