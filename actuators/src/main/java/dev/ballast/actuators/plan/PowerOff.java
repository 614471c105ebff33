package dev.ballast.actuators.plan;

import dev.ballast.collectors.cluster.HostId;

import java.util.Objects;

/** Powers an empty host off. */
public record PowerOff(HostId host, String reason) implements PlanStep {
    public PowerOff {
        Objects.requireNonNull(host, "host to power off");
        reason = reason == null ? "" : reason;
    }

    @Override
    public String describe() {
        return "power off " + host;
    }
}
