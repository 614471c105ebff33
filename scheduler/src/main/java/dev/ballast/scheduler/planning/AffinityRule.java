package dev.ballast.scheduler.planning;

import dev.ballast.collectors.cluster.VmId;

import java.util.Objects;
import java.util.Set;

/**
 * VM-VM placement rule: AFFINITY keeps the VMs of the group on one host, ANTI_AFFINITY puts each on a different host
 * (replicas of one service, say).
 */
public record AffinityRule(String name, Kind kind, RuleStrength strength, Set<VmId> vms) {
    public enum Kind {
        AFFINITY,
        ANTI_AFFINITY
    }

    public AffinityRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an affinity rule needs a name");
        }
        Objects.requireNonNull(kind, "kind of rule " + name);
        Objects.requireNonNull(strength, "strength of rule " + name);
        if (vms == null || vms.size() < 2) {
            throw new IllegalArgumentException("rule " + name + " needs at least two VMs, has " + (vms == null ? 0 : vms.size()));
        }
        vms = Set.copyOf(vms);
    }
}
