package dev.ballast.actuators.plan;

import dev.ballast.collectors.cluster.HostId;

import java.util.Objects;

/** Powers a host on so that it can take VMs. */
public record PowerOn(HostId host, String reason) implements PlanStep {
    public PowerOn {
        Objects.requireNonNull(host, "host to power on");
        reason = reason == null ? "" : reason;
    }

    @Override
    public String describe() {
        return "power on " + host;
    }
}
