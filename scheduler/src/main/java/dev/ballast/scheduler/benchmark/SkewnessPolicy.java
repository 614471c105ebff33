package dev.ballast.scheduler.benchmark;

import dev.ballast.predictors.hotspot.Skewness;
import dev.ballast.predictors.hotspot.SpotThresholds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Xiao, Song and Chen's skewness algorithm (IEEE TPDS 2013) on FUSD forecasts: relieve hot spots hottest first,
 * each by moving away the VM whose removal cools the host most to the host whose skewness falls most (or grows
 * least) without becoming hot; then, when the mean CPU utilization of active hosts is below the green threshold,
 * empty cold spots (smallest aggregate memory first, all VMs or none, at most {@code coldLimit} of the active
 * hosts per decision) onto hosts that stay below the warm threshold.
 *
 * <p>Resources in the CloudSim-compatible model: CPU is the only enforced one, so hot, cold and warm look at CPU;
 * skewness takes CPU and the VMs' RAM share of the host (the paper's second resource), since with CPU alone every
 * host's skewness is 0 and the tie-breaks of the algorithm would vanish. In the realistic model a target must also
 * hold the VM's memory.
 */
final class SkewnessPolicy implements ConsolidationPolicy {
    private final SpotThresholds thresholds;
    private final double coldLimit;
    private final VmDemandForecasts forecasts = new VmDemandForecasts();

    SkewnessPolicy(SpotThresholds thresholds, double coldLimit) {
        this.thresholds = thresholds;
        this.coldLimit = coldLimit;
    }

    @Override
    public String name() {
        return "Skewness";
    }

    /** Predicted load of a host while the policy tries moves. */
    private static final class Load {
        final SimHost host;
        final List<SimVm> vms;
        double mips;
        double ramMb;

        Load(SimHost host, VmDemandForecasts forecasts) {
            this.host = host;
            this.vms = new ArrayList<>(host.vms);
            for (SimVm vm : vms) {
                mips += forecasts.expectedMips(vm);
                ramMb += vm.ramMb();
            }
        }

        double cpu() {
            return mips / host.totalMips();
        }

        double cpuWith(double deltaMips) {
            return (mips + deltaMips) / host.totalMips();
        }

        double skewness(double deltaMips, double deltaRam) {
            return Skewness.of(Math.max(0, cpuWith(deltaMips)), Math.max(0, (ramMb + deltaRam) / host.memoryMb));
        }

        /** Whether the VM's memory fits, in a world that enforces memory (always in one that does not). */
        boolean memoryFits(SimVm vm) {
            return !host.enforceMemory || ramMb + vm.ramMb() <= host.memoryMb;
        }
    }

    @Override
    public List<Migration> optimize(SimulatedWorld world, double now) {
        forecasts.observe(world);
        Map<SimHost, Load> loads = new HashMap<>();
        for (SimHost host : world.hosts()) {
            loads.put(host, new Load(host, forecasts));
        }
        List<Migration> map = new ArrayList<>();
        Set<SimVm> moved = new HashSet<>();
        relieveHotSpots(world, loads, map, moved);
        consolidateColdSpots(world, loads, map, moved);
        return map;
    }

    private double temperature(double cpu) {
        return cpu > thresholds.hotCpu() ? (cpu - thresholds.hotCpu()) * (cpu - thresholds.hotCpu()) : 0;
    }

    private void relieveHotSpots(SimulatedWorld world, Map<SimHost, Load> loads, List<Migration> map, Set<SimVm> moved) {
        List<Load> hot = new ArrayList<>();
        for (Load l : loads.values()) {
            if (l.cpu() > thresholds.hotCpu()) {
                hot.add(l);
            }
        }
        hot.sort(Comparator.comparingDouble((Load l) -> temperature(l.cpu())).reversed().thenComparingInt(l -> l.host.index));
        for (Load source : hot) {
            // one VM per hot spot per decision, as in the paper; the next decision continues if still hot
            List<SimVm> candidates = new ArrayList<>(source.vms);
            candidates.removeIf(vm -> vm.inMigration || moved.contains(vm));
            candidates.sort(Comparator.comparingDouble((SimVm vm) -> temperature(source.cpuWith(-forecasts.expectedMips(vm))))
                    .thenComparingDouble(vm -> source.skewness(-forecasts.expectedMips(vm), -vm.ramMb()))
                    .thenComparingInt(vm -> vm.index));
            for (SimVm vm : candidates) {
                Load target = bestTarget(world, loads, vm, source, thresholds.hotCpu(), Set.of());
                if (target != null) {
                    move(vm, source, target, map, moved);
                    break;
                }
            }
        }
    }

    private void consolidateColdSpots(SimulatedWorld world, Map<SimHost, Load> loads, List<Migration> map, Set<SimVm> moved) {
        List<Load> active = new ArrayList<>();
        for (Load l : loads.values()) {
            if (!l.vms.isEmpty()) {
                active.add(l);
            }
        }
        if (active.isEmpty()) {
            return;
        }
        double mean = active.stream().mapToDouble(Load::cpu).average().orElse(0);
        if (mean >= thresholds.green()) {
            return;
        }
        List<Load> cold = new ArrayList<>();
        for (Load l : active) {
            if (l.cpu() < thresholds.cold()) {
                cold.add(l);
            }
        }
        cold.sort(Comparator.comparingDouble((Load l) -> l.ramMb).thenComparingInt(l -> l.host.index));
        int limit = Math.max(1, (int) Math.floor(coldLimit * active.size()));
        Set<SimHost> emptied = new HashSet<>();
        Set<SimHost> received = new HashSet<>();
        for (Load source : cold) {
            if (emptied.size() >= limit) {
                break;
            }
            if (received.contains(source.host) || source.vms.isEmpty()) {
                continue;
            }
            Set<SimHost> excluded = new HashSet<>(emptied);
            excluded.add(source.host);
            List<Migration> tried = new ArrayList<>();
            boolean all = true;
            for (SimVm vm : new ArrayList<>(source.vms)) {
                if (vm.inMigration || moved.contains(vm)) {
                    all = false;
                    break;
                }
                Load target = bestTarget(world, loads, vm, source, thresholds.warm(), excluded);
                if (target == null) {
                    all = false;
                    break;
                }
                moveLoad(vm, source, target);
                tried.add(new Migration(vm, target.host));
            }
            if (!all) {
                for (Migration m : tried) {
                    moveLoad(m.vm(), loads.get(m.target()), source);
                }
                continue;
            }
            emptied.add(source.host);
            for (Migration m : tried) {
                received.add(m.target());
                moved.add(m.vm());
                map.add(m);
            }
        }
    }

    /** The active host that takes the VM staying at or below {@code limit} CPU, skewness falling most. */
    private Load bestTarget(SimulatedWorld world, Map<SimHost, Load> loads, SimVm vm, Load source, double limit, Set<SimHost> excluded) {
        double mips = forecasts.expectedMips(vm);
        Load best = null;
        double bestDelta = Double.MAX_VALUE;
        for (SimHost host : world.hosts()) {
            Load l = loads.get(host);
            if (l == source || excluded.contains(host) || l.vms.isEmpty() || mips > host.type.peMips()) {
                continue;
            }
            if (l.cpuWith(mips) > limit || !l.memoryFits(vm)) {
                continue;
            }
            double delta = l.skewness(mips, vm.ramMb()) - l.skewness(0, 0);
            if (delta < bestDelta) {
                bestDelta = delta;
                best = l;
            }
        }
        if (best == null && limit >= thresholds.hotCpu()) {
            // no active host can take it: switch on an empty one, the most efficient type first
            for (SimHost host : world.hosts()) {
                Load l = loads.get(host);
                if (l.vms.isEmpty() && !excluded.contains(host) && mips <= host.type.peMips() && l.memoryFits(vm)
                        && (best == null || host.type.power().maxPower() / host.totalMips()
                        < best.host.type.power().maxPower() / best.host.totalMips())) {
                    best = l;
                }
            }
        }
        return best;
    }

    private void move(SimVm vm, Load source, Load target, List<Migration> map, Set<SimVm> moved) {
        moveLoad(vm, source, target);
        moved.add(vm);
        map.add(new Migration(vm, target.host));
    }

    private void moveLoad(SimVm vm, Load from, Load to) {
        double mips = forecasts.expectedMips(vm);
        from.vms.remove(vm);
        from.mips -= mips;
        from.ramMb -= vm.ramMb();
        to.vms.add(vm);
        to.mips += mips;
        to.ramMb += vm.ramMb();
    }
}
