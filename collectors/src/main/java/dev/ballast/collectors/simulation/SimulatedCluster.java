package dev.ballast.collectors.simulation;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.MetricStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A cluster that exists only in memory: hosts, VMs following a seeded synthetic workload, and simulated time that
 * advances one interval at a time, writing every VM's and host's usage into a metric store. It behaves like a
 * hypervisor fleet: a migration reserves the VM's memory on the destination while it runs and is refused when the
 * destination is not on or lacks memory; a host with VMs cannot be powered off.
 */
public final class SimulatedCluster {
    private record SimVm(Vm vm, int index, WorkloadProfile profile) {
        SimVm on(HostId host) {
            return new SimVm(vm.onHost(host), index, profile);
        }
    }

    private final WorkloadGenerator workload;
    private final MetricStore store;
    private final Map<HostId, Host> hosts = new LinkedHashMap<>();
    private final Map<VmId, SimVm> vms = new LinkedHashMap<>();
    private final Map<VmId, HostId> migrating = new LinkedHashMap<>();
    private Instant now;

    private SimulatedCluster(WorkloadGenerator workload, MetricStore store, Instant start) {
        this.workload = workload;
        this.store = store;
        this.now = start;
    }

    /** Builds the cluster of the spec, VMs spread at random (first fit on memory after a shuffle). */
    public static SimulatedCluster generate(SimulatedClusterSpec spec, MetricStore store) {
        SimulatedCluster cluster = new SimulatedCluster(new WorkloadGenerator(spec.seed(), spec.interval()), store, spec.start());
        for (int h = 1; h <= spec.hosts(); h++) {
            HostId id = HostId.of(String.format("host-%02d", h));
            cluster.hosts.put(id, new Host(id, spec.hostCapacity(), HostState.ON, spec.hostPower(),
                    Map.of("rack", "rack-" + ((h - 1) / 10 + 1))));
        }
        Resources[] menu = {
                new Resources(1, 2048), new Resources(2, 4096), new Resources(4, 8192),
                new Resources(8, 16384), new Resources(2, 16384), new Resources(4, 4096)};
        SplittableRandom r = new SplittableRandom(spec.seed());
        List<HostId> order = new ArrayList<>(cluster.hosts.keySet());
        Map<HostId, Resources> allocated = new LinkedHashMap<>();
        order.forEach(h -> allocated.put(h, Resources.ZERO));
        for (int i = 0; i < spec.vms(); i++) {
            Resources size = menu[r.nextInt(menu.length)];
            Collections.shuffle(order, new java.util.Random(r.nextLong()));
            HostId chosen = null;
            for (HostId candidate : order) {
                Resources after = allocated.get(candidate).plus(size);
                if (after.memoryMib() <= spec.hostCapacity().memoryMib() * 0.9
                        && after.cpu() <= spec.hostCapacity().cpu() * 2) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen == null) {
                throw new IllegalArgumentException("the spec's " + spec.vms() + " VMs do not fit on " + spec.hosts()
                        + " hosts of " + spec.hostCapacity() + " (vm " + (i + 1) + " has no room)");
            }
            allocated.merge(chosen, size, Resources::plus);
            VmId id = VmId.of(String.format("vm-%03d", i + 1));
            double dirtyRate = 1 + r.nextDouble() * 20;
            cluster.vms.put(id, new SimVm(new Vm(id, size, chosen, dirtyRate, Map.of()), i, cluster.workload.profileFor(i)));
        }
        return cluster;
    }

    public synchronized Instant now() {
        return now;
    }

    public Duration interval() {
        return workload.interval();
    }

    public MetricStore store() {
        return store;
    }

    public synchronized ClusterSnapshot snapshot() {
        return new ClusterSnapshot(now, List.copyOf(hosts.values()), vms.values().stream().map(SimVm::vm).toList());
    }

    /** Every VM's demand at the current instant. */
    public synchronized Map<VmId, Resources> currentDemand() {
        Map<VmId, Resources> demand = new LinkedHashMap<>();
        vms.forEach((id, v) -> demand.put(id, demandOf(v, now)));
        return demand;
    }

    /** Moves time on by the given number of intervals, writing every interval's usage into the store. */
    public synchronized void advance(int intervals) {
        for (int i = 0; i < intervals; i++) {
            now = now.plus(workload.interval());
            record();
        }
    }

    /** Writes the usage at the current instant (a fresh cluster calls this once to have a first sample). */
    public synchronized void record() {
        Map<VmId, UsageSample> vmSamples = new LinkedHashMap<>();
        Map<HostId, Resources> perHost = new LinkedHashMap<>();
        hosts.keySet().forEach(h -> perHost.put(h, Resources.ZERO));
        vms.forEach((id, v) -> {
            Resources d = demandOf(v, now);
            vmSamples.put(id, new UsageSample(now, d));
            perHost.merge(v.vm().host(), d, Resources::plus);
        });
        Map<HostId, UsageSample> hostSamples = new LinkedHashMap<>();
        perHost.forEach((h, used) -> {
            if (hosts.get(h).state() == HostState.ON) {
                hostSamples.put(h, new UsageSample(now, used));
            }
        });
        store.writeAll(vmSamples, hostSamples);
    }

    /** Starts a live migration: the VM's memory is reserved on the destination until it completes or aborts. */
    public synchronized void beginMigration(VmId vmId, HostId target) {
        SimVm v = requireVm(vmId);
        Host destination = requireHost(target);
        if (migrating.containsKey(vmId)) {
            throw new IllegalStateException("vm " + vmId + " is already migrating to " + migrating.get(vmId));
        }
        if (v.vm().host().equals(target)) {
            throw new IllegalStateException("vm " + vmId + " already runs on " + target);
        }
        if (destination.state() != HostState.ON) {
            throw new IllegalStateException("cannot migrate vm " + vmId + " to " + target + ": host is " + destination.state());
        }
        double reserved = memoryCommitted(target) + v.vm().size().memoryMib();
        if (reserved > destination.capacity().memoryMib() + 1e-6) {
            throw new IllegalStateException("cannot migrate vm " + vmId + " to " + target + ": it needs "
                    + v.vm().size().memoryMib() + " MiB and the host has " + (destination.capacity().memoryMib() - memoryCommitted(target)) + " MiB free");
        }
        migrating.put(vmId, target);
    }

    public synchronized void completeMigration(VmId vmId) {
        HostId target = migrating.remove(vmId);
        if (target == null) {
            throw new IllegalStateException("vm " + vmId + " is not migrating");
        }
        vms.computeIfPresent(vmId, (id, v) -> v.on(target));
    }

    public synchronized void abortMigration(VmId vmId) {
        migrating.remove(vmId);
    }

    public synchronized boolean isMigrating(VmId vmId) {
        return migrating.containsKey(vmId);
    }

    public synchronized void powerOff(HostId hostId) {
        Host host = requireHost(hostId);
        long resident = vms.values().stream().filter(v -> v.vm().host().equals(hostId)).count();
        if (resident > 0 || migrating.containsValue(hostId)) {
            throw new IllegalStateException("cannot power off " + hostId + ": " + resident + " VMs run on it"
                    + (migrating.containsValue(hostId) ? " and a migration to it is under way" : ""));
        }
        hosts.put(hostId, host.withState(HostState.OFF));
    }

    public synchronized void powerOn(HostId hostId) {
        Host host = requireHost(hostId);
        if (host.state() == HostState.OFF || host.state() == HostState.BOOTING) {
            hosts.put(hostId, host.withState(HostState.ON));
        }
    }

    public synchronized void setState(HostId hostId, HostState state) {
        Host host = requireHost(hostId);
        if (state == HostState.OFF) {
            powerOff(hostId);
            return;
        }
        hosts.put(hostId, host.withState(state));
    }

    /** An independent copy (same workload, same time, same placement) writing into its own store: a sandbox. */
    public synchronized SimulatedCluster copy(MetricStore sandboxStore) {
        SimulatedCluster c = new SimulatedCluster(workload, sandboxStore, now);
        c.hosts.putAll(hosts);
        c.vms.putAll(vms);
        c.migrating.putAll(migrating);
        return c;
    }

    private double memoryCommitted(HostId hostId) {
        double resident = vms.values().stream().filter(v -> v.vm().host().equals(hostId))
                .mapToDouble(v -> v.vm().size().memoryMib()).sum();
        double incoming = migrating.entrySet().stream().filter(e -> e.getValue().equals(hostId))
                .mapToDouble(e -> vms.get(e.getKey()).vm().size().memoryMib()).sum();
        return resident + incoming;
    }

    private Resources demandOf(SimVm v, Instant at) {
        return workload.demand(v.index(), v.profile(), v.vm().size(), at);
    }

    private SimVm requireVm(VmId id) {
        SimVm v = vms.get(id);
        if (v == null) {
            throw new IllegalArgumentException("unknown vm " + id);
        }
        return v;
    }

    private Host requireHost(HostId id) {
        Host h = hosts.get(id);
        if (h == null) {
            throw new IllegalArgumentException("unknown host " + id);
        }
        return h;
    }
}
