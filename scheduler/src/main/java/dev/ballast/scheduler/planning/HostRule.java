package dev.ballast.scheduler.planning;

import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.VmId;

import java.util.Objects;
import java.util.Set;

/**
 * VM-host rule by host label: the VMs MUST run on hosts labelled {@code key=value} (licensing, GPUs) or MUST_NOT
 * (a rack being retired).
 */
public record HostRule(String name, Kind kind, RuleStrength strength, Set<VmId> vms, String labelKey, String labelValue) {
    public enum Kind {
        MUST,
        MUST_NOT
    }

    public HostRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a host rule needs a name");
        }
        Objects.requireNonNull(kind, "kind of rule " + name);
        Objects.requireNonNull(strength, "strength of rule " + name);
        if (vms == null || vms.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " names no VMs");
        }
        if (labelKey == null || labelKey.isBlank() || labelValue == null) {
            throw new IllegalArgumentException("rule " + name + " needs a host label key=value, was " + labelKey + "=" + labelValue);
        }
        vms = Set.copyOf(vms);
    }

    public boolean matches(Host host) {
        return labelValue.equals(host.labels().get(labelKey));
    }

    public String label() {
        return labelKey + "=" + labelValue;
    }
}
