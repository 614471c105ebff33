package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.collectors.cluster.HostId;

import java.util.HashMap;
import java.util.Map;

/** Counts the steps in flight against the limits; not thread-safe (the executor holds its lock). */
final class ConcurrencyBudget {
    private final ExecutionLimits limits;
    private final Map<HostId, Integer> outgoing = new HashMap<>();
    private final Map<HostId, Integer> incoming = new HashMap<>();
    private int inFlight;

    ConcurrencyBudget(ExecutionLimits limits) {
        this.limits = limits;
    }

    boolean tryAcquire(PlanStep step) {
        if (inFlight >= limits.maxConcurrent()) {
            return false;
        }
        if (step instanceof LiveMigrate m) {
            if (outgoing.getOrDefault(m.source(), 0) >= limits.maxOutgoingPerHost()
                    || incoming.getOrDefault(m.target(), 0) >= limits.maxIncomingPerHost()) {
                return false;
            }
            outgoing.merge(m.source(), 1, Integer::sum);
            incoming.merge(m.target(), 1, Integer::sum);
        }
        inFlight++;
        return true;
    }

    void release(PlanStep step) {
        inFlight--;
        if (step instanceof LiveMigrate m) {
            outgoing.merge(m.source(), -1, Integer::sum);
            incoming.merge(m.target(), -1, Integer::sum);
        }
    }
}
