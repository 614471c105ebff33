package dev.ballast.scheduler.sequencing;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.VmId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent check of a sequenced plan, written apart from the sequencer: it replays the plan wave by wave and
 * reports every moment at which a host would hold more than its limits, counting each migrating VM on both hosts
 * for the whole wave, and every step that acts on a host in the wrong state.
 */
final class WaveReplay {
    private final Map<HostId, HostRoom> rooms = new LinkedHashMap<>();
    private final Map<VmId, VmLoad> loads = new HashMap<>();
    private final Map<VmId, HostId> where;
    private final Set<HostId> on = new HashSet<>();
    final List<String> violations = new ArrayList<>();

    WaveReplay(List<HostRoom> hosts, List<VmLoad> vms, Map<VmId, HostId> current) {
        hosts.forEach(h -> {
            rooms.put(h.id(), h);
            if (h.state() == HostState.ON) {
                on.add(h.id());
            }
        });
        vms.forEach(v -> loads.put(v.id(), v));
        where = new LinkedHashMap<>(current);
    }

    Map<VmId, HostId> replay(SequencedPlan plan) {
        int waves = plan.waves();
        for (int w = 0; w < waves; w++) {
            int wave = w;
            List<SequencedStep> steps = plan.steps().stream().filter(s -> s.wave() == wave).toList();
            Map<HostId, long[]> inFlight = usage();
            for (SequencedStep s : steps) {
                if (s.step() instanceof LiveMigrate m) {
                    if (!m.source().equals(where.get(m.vm()))) {
                        violations.add("wave " + w + ": " + m.vm() + " is on " + where.get(m.vm()) + ", not " + m.source());
                    }
                    if (!on.contains(m.target())) {
                        violations.add("wave " + w + ": " + m.vm() + " migrates to " + m.target() + " which is not on");
                    }
                    long[] u = inFlight.get(m.target());
                    u[0] += loads.get(m.vm()).cpu();
                    u[1] += loads.get(m.vm()).memory();
                }
            }
            inFlight.forEach((h, u) -> {
                HostRoom r = rooms.get(h);
                boolean receives = steps.stream().anyMatch(s -> s.step() instanceof LiveMigrate m && m.target().equals(h));
                if (receives && (u[0] > r.cpuLimit() || u[1] > r.memoryLimit())) {
                    violations.add("wave " + wave + ": " + h + " holds cpu " + u[0] + "/" + r.cpuLimit() + ", memory "
                            + u[1] + "/" + r.memoryLimit() + " with migrations in flight");
                }
            });
            for (SequencedStep s : steps) {
                switch (s.step()) {
                    case LiveMigrate m -> where.put(m.vm(), m.target());
                    case PowerOn p -> on.add(p.host());
                    case PowerOff p -> {
                        if (where.containsValue(p.host())) {
                            violations.add("wave " + wave + ": " + p.host() + " powered off while VMs run on it");
                        }
                        on.remove(p.host());
                    }
                }
            }
        }
        return where;
    }

    private Map<HostId, long[]> usage() {
        Map<HostId, long[]> u = new HashMap<>();
        rooms.keySet().forEach(h -> u.put(h, new long[2]));
        where.forEach((vm, h) -> {
            u.get(h)[0] += loads.get(vm).cpu();
            u.get(h)[1] += loads.get(vm).memory();
        });
        return u;
    }
}
