package dev.ballast.scheduler.planning;

/**
 * Safety capacity (ROADEF's load cost), also a problem fact: use of {@code resource} above {@code fraction} of a
 * host's capacity is headroom eaten; every milli-core or MiB above it is penalized {@code weight} times.
 */
public record SafetyCapacity(PlanningResource resource, double fraction, long weight) {
    public SafetyCapacity {
        if (resource == null) {
            throw new IllegalArgumentException("a safety capacity needs a resource");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("safety capacity of " + resource + " must be a fraction in (0, 1], was " + fraction);
        }
        if (weight < 0) {
            throw new IllegalArgumentException("weight of the " + resource + " safety capacity must be >= 0, was " + weight);
        }
    }

    long safe(PlanningHost host) {
        return (long) Math.floor(fraction * resource.capacity(host));
    }

    /** The use above the safety capacity on a host. */
    long excess(HostUsage u) {
        return Math.max(0, used(u) - safe(u.host()));
    }

    long used(HostUsage u) {
        return resource.used(u.cpuDemand(), u.memory());
    }

    Justifications.CapacityExcess describe(HostUsage u) {
        return new Justifications.CapacityExcess(u.host().getId(), resource + " (" + resource.unit() + ") above the safety capacity",
                used(u), safe(u.host()));
    }
}
