package dev.ballast.collectors.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The inventory of a cluster at one instant: its hosts and its VMs, each VM on exactly one host. Construction checks
 * that every VM names a known host and that no id repeats.
 */
public record ClusterSnapshot(Instant takenAt, List<Host> hosts, List<Vm> vms) {
    public ClusterSnapshot {
        Objects.requireNonNull(takenAt, "snapshot time");
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
        Map<HostId, Host> byId = new LinkedHashMap<>();
        for (Host host : hosts) {
            if (byId.put(host.id(), host) != null) {
                throw new IllegalArgumentException("host " + host.id() + " appears twice in the snapshot");
            }
        }
        Map<VmId, Vm> vmById = new LinkedHashMap<>();
        for (Vm vm : vms) {
            if (vmById.put(vm.id(), vm) != null) {
                throw new IllegalArgumentException("vm " + vm.id() + " appears twice in the snapshot");
            }
            if (!byId.containsKey(vm.host())) {
                throw new IllegalArgumentException("vm " + vm.id() + " is on unknown host " + vm.host());
            }
        }
    }

    public Optional<Host> host(HostId id) {
        return hosts.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    public Optional<Vm> vm(VmId id) {
        return vms.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public List<Vm> vmsOn(HostId host) {
        return vms.stream().filter(v -> v.host().equals(host)).toList();
    }

    public Map<VmId, HostId> placement() {
        Map<VmId, HostId> placement = new LinkedHashMap<>();
        vms.forEach(v -> placement.put(v.id(), v.host()));
        return placement;
    }

    /** The sum of the allocations of the VMs on each host (hosts without VMs map to zero). */
    public Map<HostId, Resources> allocatedPerHost() {
        Map<HostId, Resources> sums = new LinkedHashMap<>();
        hosts.forEach(h -> sums.put(h.id(), Resources.ZERO));
        vms.forEach(v -> sums.merge(v.host(), v.size(), Resources::plus));
        return sums;
    }

    /** A copy sorted by id, so that two snapshots of the same cluster compare and print alike. */
    public ClusterSnapshot sorted() {
        List<Host> h = new ArrayList<>(hosts);
        h.sort(Comparator.comparing(Host::id));
        List<Vm> v = new ArrayList<>(vms);
        v.sort(Comparator.comparing(Vm::id));
        return new ClusterSnapshot(takenAt, h, v);
    }
}
