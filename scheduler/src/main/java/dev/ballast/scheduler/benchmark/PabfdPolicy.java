package dev.ballast.scheduler.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Beloglazov &amp; Buyya's (CCPE 2012) dynamic consolidation as CloudSim 3.0.3's
 * {@code PowerVmAllocationPolicyMigrationAbstract} runs it: find overloaded hosts (the subclass's detector), take
 * VMs off them with Minimum Migration Time until they are not overloaded, place those with PABFD (VMs by
 * decreasing CPU, each to the host whose power grows least, skipping hosts that would become overloaded); then
 * empty under-loaded hosts, least utilized first, when all their VMs fit elsewhere (all or nothing).
 */
abstract class PabfdPolicy implements ConsolidationPolicy {
    /** Whether the host, with its VM list as it is now (including tentative changes), is overloaded. */
    abstract boolean overloaded(SimHost host);

    @Override
    public List<Migration> optimize(SimulatedWorld world, double now) {
        List<SimHost> hosts = world.hosts();
        List<SimHost> overloaded = new ArrayList<>();
        for (SimHost host : hosts) {
            if (overloaded(host)) {
                overloaded.add(host);
            }
        }
        Tentative saved = new Tentative(hosts);
        List<SimVm> toMigrate = new ArrayList<>();
        for (SimHost host : overloaded) {
            while (true) {
                SimVm vm = minimumMigrationTime(host);
                if (vm == null) {
                    break;
                }
                toMigrate.add(vm);
                host.tentativeDestroy(vm);
                if (!overloaded(host)) {
                    break;
                }
            }
        }
        List<Migration> map = new ArrayList<>(place(hosts, toMigrate, new HashSet<>(overloaded), false));
        map.addAll(fromUnderloaded(hosts, overloaded));
        saved.restore();
        return map;
    }

    /** MMT: the VM with the least RAM, first in the host's list on ties, not already migrating. */
    static SimVm minimumMigrationTime(SimHost host) {
        SimVm best = null;
        double min = Double.MAX_VALUE;
        for (SimVm vm : host.vms) {
            if (vm.inMigration) {
                continue;
            }
            if (vm.ramMb() < min) {
                min = vm.ramMb();
                best = vm;
            }
        }
        return best;
    }

    /**
     * PABFD as CloudSim 3.0.3 computes it: the power after counts the MIPS allocated on the host now (VMs placed
     * earlier in the round included), the power before is the host's power at the last processing.
     */
    private List<Migration> place(List<SimHost> hosts, List<SimVm> vms, Set<SimHost> excluded, boolean allOrNothing) {
        List<SimVm> sorted = new ArrayList<>(vms);
        sorted.sort(Comparator.comparingDouble((SimVm vm) -> vm.requestedMips).reversed());
        List<Migration> map = new ArrayList<>();
        for (SimVm vm : sorted) {
            SimHost host = findHost(hosts, vm, excluded);
            if (host != null) {
                host.tentativeCreate(vm);
                map.add(new Migration(vm, host));
            } else if (allOrNothing) {
                for (Migration m : map) {
                    m.target().tentativeDestroy(m.vm());
                }
                map.clear();
                break;
            }
        }
        return map;
    }

    SimHost findHost(List<SimHost> hosts, SimVm vm, Set<SimHost> excluded) {
        double minPower = Double.MAX_VALUE;
        SimHost best = null;
        for (SimHost host : hosts) {
            if (excluded.contains(host) || !host.suitableFor(vm)) {
                continue;
            }
            double used = host.potentialMips();
            if (used != 0 && overloadedWith(host, vm)) {
                continue;
            }
            double after = host.type.power().power((used + vm.requestedMips) / host.totalMips());
            double diff = after - host.power();
            if (diff < minPower) {
                minPower = diff;
                best = host;
            }
        }
        return best;
    }

    private boolean overloadedWith(SimHost host, SimVm vm) {
        host.tentativeCreate(vm);
        boolean over = overloaded(host);
        host.tentativeDestroy(vm);
        return over;
    }

    private List<Migration> fromUnderloaded(List<SimHost> hosts, List<SimHost> overloaded) {
        List<Migration> map = new ArrayList<>();
        Set<SimHost> switchedOff = new LinkedHashSet<>();
        for (SimHost host : hosts) {
            if (host.utilization() == 0) {
                switchedOff.add(host);
            }
        }
        Set<SimHost> excludedAsSource = new HashSet<>(overloaded);
        excludedAsSource.addAll(switchedOff);
        Set<SimHost> excludedAsTarget = new HashSet<>(overloaded);
        excludedAsTarget.addAll(switchedOff);
        while (excludedAsSource.size() < hosts.size()) {
            SimHost underloaded = leastUtilized(hosts, excludedAsSource);
            if (underloaded == null) {
                break;
            }
            excludedAsSource.add(underloaded);
            excludedAsTarget.add(underloaded);
            List<SimVm> vms = new ArrayList<>();
            for (SimVm vm : underloaded.vms) {
                if (!vm.inMigration) {
                    vms.add(vm);
                }
            }
            if (vms.isEmpty()) {
                continue;
            }
            List<Migration> placed = place(hosts, vms, excludedAsTarget, true);
            for (Migration m : placed) {
                excludedAsSource.add(m.target());
            }
            map.addAll(placed);
        }
        return map;
    }

    private static SimHost leastUtilized(List<SimHost> hosts, Set<SimHost> excluded) {
        double min = 1;
        SimHost best = null;
        for (SimHost host : hosts) {
            if (excluded.contains(host)) {
                continue;
            }
            double u = host.utilization();
            if (u > 0 && u < min && !allMigratingOutOrAnyMigratingIn(host)) {
                min = u;
                best = host;
            }
        }
        return best;
    }

    private static boolean allMigratingOutOrAnyMigratingIn(SimHost host) {
        for (SimVm vm : host.vms) {
            if (!vm.inMigration) {
                return false;
            }
            if (host.migratingIn.contains(vm)) {
                return true;
            }
        }
        return true;
    }
}
