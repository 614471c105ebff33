package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a real driver and records what was in flight at once, and when each migration started and ended. */
final class CountingDriver implements HypervisorDriver {
    private final HypervisorDriver delegate;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<HostId, AtomicInteger> outgoing = new ConcurrentHashMap<>();
    private final Map<HostId, AtomicInteger> incoming = new ConcurrentHashMap<>();
    final Map<HostId, Integer> maxOutgoing = new ConcurrentHashMap<>();
    final Map<HostId, Integer> maxIncoming = new ConcurrentHashMap<>();
    final Map<VmId, Long> startedNanos = new ConcurrentHashMap<>();
    final Map<VmId, Long> endedNanos = new ConcurrentHashMap<>();

    CountingDriver(HypervisorDriver delegate) {
        this.delegate = delegate;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public ClusterSnapshot observe() {
        return delegate.observe();
    }

    @Override
    public void migrate(LiveMigrate step) {
        startedNanos.put(step.vm(), System.nanoTime());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        int out = outgoing.computeIfAbsent(step.source(), h -> new AtomicInteger()).incrementAndGet();
        maxOutgoing.merge(step.source(), out, Math::max);
        int in = incoming.computeIfAbsent(step.target(), h -> new AtomicInteger()).incrementAndGet();
        maxIncoming.merge(step.target(), in, Math::max);
        try {
            delegate.migrate(step);
        } finally {
            outgoing.get(step.source()).decrementAndGet();
            incoming.get(step.target()).decrementAndGet();
            inFlight.decrementAndGet();
            endedNanos.put(step.vm(), System.nanoTime());
        }
    }

    @Override
    public void powerOn(HostId host) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            delegate.powerOn(host);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void powerOff(HostId host) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            delegate.powerOff(host);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
