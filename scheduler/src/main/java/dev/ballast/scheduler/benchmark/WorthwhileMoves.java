package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the moves of a proposed placement that pay for themselves in this model: those that empty a host (it can
 * then be switched off) and those off a host whose forecast demand is above its limit. A plan re-solved every
 * five minutes otherwise reshuffles VMs between hosts that stay on, which costs migrations and SLA for nothing.
 * If the kept moves would push a target over its limit (because moves that relieved it were dropped), the
 * evacuations sending VMs there are dropped whole.
 */
final class WorthwhileMoves {
    private WorthwhileMoves() {
    }

    /**
     * @param current  where each VM is
     * @param proposed where the planner would put it
     * @param demand   forecast CPU demand of each VM (any unit)
     * @param limit    the most each host may carry (same unit)
     */
    static Map<VmId, HostId> filter(Map<VmId, HostId> current, Map<VmId, HostId> proposed, Map<VmId, Double> demand,
                                    Map<HostId, Double> limit) {
        Map<HostId, Double> load = new HashMap<>();
        Set<HostId> occupiedNow = new HashSet<>();
        current.forEach((vm, host) -> {
            load.merge(host, demand.get(vm), Double::sum);
            occupiedNow.add(host);
        });
        Set<HostId> occupiedAfter = new HashSet<>(proposed.values());
        Set<HostId> sources = new HashSet<>();
        for (HostId host : occupiedNow) {
            if (!occupiedAfter.contains(host) || load.get(host) > limit.get(host)) {
                sources.add(host);
            }
        }
        while (true) {
            Map<VmId, HostId> kept = new LinkedHashMap<>();
            Map<HostId, Double> after = new HashMap<>();
            current.forEach((vm, host) -> {
                HostId to = sources.contains(host) ? proposed.getOrDefault(vm, host) : host;
                kept.put(vm, to);
                after.merge(to, demand.get(vm), Double::sum);
            });
            Set<HostId> drop = new HashSet<>();
            kept.forEach((vm, to) -> {
                HostId from = current.get(vm);
                if (!to.equals(from) && after.get(to) > limit.get(to) && !overloadedNow(from, load, limit)) {
                    drop.add(from);
                }
            });
            if (drop.isEmpty()) {
                return kept;
            }
            sources.removeAll(drop);
        }
    }

    private static boolean overloadedNow(HostId host, Map<HostId, Double> load, Map<HostId, Double> limit) {
        return load.get(host) > limit.get(host);
    }
}
