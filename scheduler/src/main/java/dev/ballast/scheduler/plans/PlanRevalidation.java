package dev.ballast.scheduler.plans;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.cluster.Demand;
import dev.ballast.scheduler.planning.PlanningSettings;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a pending plan against the cluster as observed now: still within its TTL, placement drift within
 * tolerance, every step's VM and hosts where the plan expects them, and every step still fitting with today's
 * forecast (a migrating VM counted on both hosts). Returns why the plan no longer holds, if it does not.
 */
final class PlanRevalidation {
    private final PlanLifecycle lifecycle;
    private final PlanningSettings settings;

    PlanRevalidation(PlanLifecycle lifecycle, PlanningSettings settings) {
        this.lifecycle = lifecycle;
        this.settings = settings;
    }

    Optional<String> check(PlanRecord plan, Demand now, Instant at) {
        if (plan.createdAt().plus(lifecycle.ttl()).isBefore(at)) {
            return Optional.of("older than its TTL of " + lifecycle.ttl() + " (made " + plan.createdAt() + ")");
        }
        ClusterSnapshot cluster = now.cluster();
        Map<VmId, HostId> placement = cluster.placement();
        int drifted = 0;
        for (Map.Entry<VmId, HostId> e : plan.basis().entrySet()) {
            if (!e.getValue().equals(placement.get(e.getKey()))) {
                drifted++;
            }
        }
        if (drifted > lifecycle.placementTolerance() * Math.max(1, plan.basis().size())) {
            return Optional.of(drifted + " of " + plan.basis().size() + " VMs are no longer where they were at the preview"
                    + " (tolerance " + Math.round(lifecycle.placementTolerance() * 100) + " %)");
        }
        Map<HostId, Host> hosts = new HashMap<>();
        cluster.hosts().forEach(h -> hosts.put(h.id(), h));
        Map<VmId, Vm> vms = new HashMap<>();
        cluster.vms().forEach(v -> vms.put(v.id(), v));
        Map<VmId, HostId> where = new LinkedHashMap<>(placement);
        Set<HostId> on = new HashSet<>();
        cluster.hosts().stream().filter(h -> h.state() == HostState.ON).forEach(h -> on.add(h.id()));
        Map<HostId, double[]> used = new HashMap<>();
        cluster.hosts().forEach(h -> used.put(h.id(), new double[2]));
        for (Vm vm : cluster.vms()) {
            Resources d = now.forecast().getOrDefault(vm.id(), vm.size());
            used.get(vm.host())[0] += d.cpu();
            used.get(vm.host())[1] += vm.size().memoryMib();
        }
        int index = 0;
        for (PlanStep step : plan.plan().steps()) {
            switch (step) {
                case PowerOn p -> {
                    if (!hosts.containsKey(p.host())) {
                        return Optional.of("step " + index + ": host " + p.host() + " is gone");
                    }
                    on.add(p.host());
                }
                case PowerOff p -> {
                    if (where.containsValue(p.host())) {
                        return Optional.of("step " + index + ": host " + p.host() + " would still hold VMs when powered off");
                    }
                    on.remove(p.host());
                }
                case LiveMigrate m -> {
                    Vm vm = vms.get(m.vm());
                    if (vm == null) {
                        return Optional.of("step " + index + ": vm " + m.vm() + " is gone");
                    }
                    if (!m.source().equals(where.get(m.vm()))) {
                        return Optional.of("step " + index + ": vm " + m.vm() + " is on " + where.get(m.vm()) + ", not on " + m.source());
                    }
                    Host target = hosts.get(m.target());
                    if (target == null || !on.contains(m.target())) {
                        return Optional.of("step " + index + ": target " + m.target() + (target == null ? " is gone" : " is " + target.state()));
                    }
                    double cpu = now.forecast().getOrDefault(vm.id(), vm.size()).cpu();
                    double[] t = used.get(m.target());
                    double cpuLimit = target.capacity().cpu() * settings.cpuHotThreshold();
                    double memoryLimit = target.capacity().memoryMib() * settings.memoryLimit();
                    if (t[1] + vm.size().memoryMib() > memoryLimit + 0.5 || t[0] + cpu > cpuLimit + 1e-6) {
                        return Optional.of("step " + index + ": " + m.target() + " would hold cpu " + round(t[0] + cpu) + "/" + round(cpuLimit)
                                + " cores and memory " + Math.round(t[1] + vm.size().memoryMib()) + "/" + Math.round(memoryLimit)
                                + " MiB with today's forecast");
                    }
                    t[0] += cpu;
                    t[1] += vm.size().memoryMib();
                    double[] s = used.get(m.source());
                    s[0] -= cpu;
                    s[1] -= vm.size().memoryMib();
                    where.put(m.vm(), m.target());
                }
            }
            index++;
        }
        return Optional.empty();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
