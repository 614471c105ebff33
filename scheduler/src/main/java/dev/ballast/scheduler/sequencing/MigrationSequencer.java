package dev.ballast.scheduler.sequencing;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.VmId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a target placement into ordered waves of steps such that at every moment each host stays within its limits,
 * counting a migrating VM on both its source and its destination. Hosts that must be on are powered on first;
 * hosts to be powered off are switched off last, once empty. When no move can start (a cycle such as A→B while
 * B→A with no room) one VM is parked on a staging host with room; if none exists the remaining moves are reported
 * with the reason and left out.
 */
public final class MigrationSequencer {
    private final SequencingLimits limits;

    public MigrationSequencer(SequencingLimits limits) {
        this.limits = limits;
    }

    private record Move(VmId vm, HostId target) {
    }

    public SequencedPlan sequence(Collection<HostRoom> hosts, Collection<VmLoad> vms, Map<VmId, HostId> current,
                                  Map<VmId, HostId> target, Set<HostId> powerOffWhenEmpty, StepReasons reasons) {
        Map<HostId, HostRoom> rooms = new LinkedHashMap<>();
        hosts.forEach(h -> rooms.put(h.id(), h));
        Map<VmId, VmLoad> loads = new HashMap<>();
        vms.forEach(v -> loads.put(v.id(), v));
        Map<VmId, HostId> where = new LinkedHashMap<>(current);
        Map<HostId, long[]> used = new HashMap<>();
        rooms.keySet().forEach(h -> used.put(h, new long[2]));
        where.forEach((vm, host) -> add(used.get(require(used, host, vm)), loads.get(vm), 1));
        Set<HostId> on = new HashSet<>();
        rooms.values().stream().filter(r -> r.state() == HostState.ON).forEach(r -> on.add(r.id()));

        List<SequencedStep> steps = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        int wave = 0;

        List<Move> pending = new ArrayList<>();
        for (Map.Entry<VmId, HostId> e : target.entrySet()) {
            HostId from = where.get(e.getKey());
            if (from == null) {
                unresolved.add("vm " + e.getKey() + " is in the target but not in the cluster");
            } else if (!from.equals(e.getValue())) {
                require(used, e.getValue(), e.getKey());
                pending.add(new Move(e.getKey(), e.getValue()));
            }
        }
        // Moves out of overloaded hosts first, then the largest, so big VMs find room before small ones fill it.
        pending.sort(Comparator.<Move>comparingInt(m -> overLimit(rooms.get(where.get(m.vm())), used.get(where.get(m.vm()))) ? 0 : 1)
                .thenComparing(m -> -loads.get(m.vm()).memory())
                .thenComparing(Move::vm));

        Set<HostId> toPowerOn = new java.util.TreeSet<>();
        pending.forEach(m -> {
            if (!on.contains(m.target()) && rooms.get(m.target()).state() == HostState.OFF) {
                toPowerOn.add(m.target());
            }
        });
        if (!toPowerOn.isEmpty()) {
            for (HostId h : toPowerOn) {
                steps.add(new SequencedStep(wave, new PowerOn(h, reasons.powerOn(h))));
                on.add(h);
            }
            wave++;
        }

        Set<VmId> staged = new HashSet<>();
        while (!pending.isEmpty()) {
            Map<HostId, long[]> reserved = new HashMap<>();
            used.forEach((h, u) -> reserved.put(h, u.clone()));
            Map<HostId, Integer> incoming = new HashMap<>();
            Map<HostId, Integer> outgoing = new HashMap<>();
            List<Move> started = new ArrayList<>();
            for (Move m : pending) {
                if (started.size() >= limits.global()) {
                    break;
                }
                HostId from = where.get(m.vm());
                VmLoad load = loads.get(m.vm());
                if (on.contains(m.target()) && fits(rooms.get(m.target()), reserved.get(m.target()), load)
                        && incoming.getOrDefault(m.target(), 0) < limits.perHostIncoming()
                        && outgoing.getOrDefault(from, 0) < limits.perHostOutgoing()) {
                    add(reserved.get(m.target()), load, 1);
                    incoming.merge(m.target(), 1, Integer::sum);
                    outgoing.merge(from, 1, Integer::sum);
                    started.add(m);
                }
            }
            if (started.isEmpty()) {
                Move parked = stage(pending, staged, rooms, used, where, loads, on, powerOffWhenEmpty);
                if (parked == null) {
                    for (Move m : pending) {
                        unresolved.add("vm " + m.vm() + " cannot move " + where.get(m.vm()) + " -> " + m.target() + ": "
                                + lack(rooms.get(m.target()), used.get(m.target()), loads.get(m.vm()), on.contains(m.target()))
                                + ", and no staging host has room");
                    }
                    break;
                }
                HostId from = where.get(parked.vm());
                steps.add(new SequencedStep(wave++, new LiveMigrate(parked.vm(), from, parked.target(),
                        loads.get(parked.vm()).memory(), reasons.staging(parked.vm(), from, parked.target(), finalTarget(pending, parked.vm())))));
                moveVm(parked.vm(), parked.target(), where, used, loads);
                continue;
            }
            for (Move m : started) {
                HostId from = where.get(m.vm());
                steps.add(new SequencedStep(wave, new LiveMigrate(m.vm(), from, m.target(), loads.get(m.vm()).memory(),
                        reasons.migration(m.vm(), from, m.target()))));
                moveVm(m.vm(), m.target(), where, used, loads);
            }
            pending.removeAll(started);
            wave++;
        }

        List<HostId> emptied = new ArrayList<>();
        for (HostId h : powerOffWhenEmpty) {
            if (on.contains(h) && used.containsKey(h) && !where.containsValue(h)) {
                emptied.add(h);
            }
        }
        emptied.sort(Comparator.naturalOrder());
        for (HostId h : emptied) {
            steps.add(new SequencedStep(wave, new PowerOff(h, reasons.powerOff(h))));
        }
        return new SequencedPlan(steps, unresolved);
    }

    /** Parks one VM of a blocked move on a third host with room; returns that staging move, or null if none. */
    private static Move stage(List<Move> pending, Set<VmId> staged, Map<HostId, HostRoom> rooms, Map<HostId, long[]> used,
                              Map<VmId, HostId> where, Map<VmId, VmLoad> loads, Set<HostId> on, Set<HostId> powerOffWhenEmpty) {
        List<Move> candidates = new ArrayList<>(pending);
        candidates.sort(Comparator.comparingLong((Move m) -> loads.get(m.vm()).memory()).thenComparing(Move::vm));
        for (Move m : candidates) {
            if (staged.contains(m.vm())) {
                continue;
            }
            HostId from = where.get(m.vm());
            List<HostId> options = new ArrayList<>(on);
            // Prefer hosts that stay on, then the emptiest.
            options.sort(Comparator.<HostId>comparingInt(h -> powerOffWhenEmpty.contains(h) ? 1 : 0)
                    .thenComparingLong(h -> used.get(h)[1]).thenComparing(Comparator.naturalOrder()));
            for (HostId h : options) {
                if (!h.equals(from) && !h.equals(m.target()) && fits(rooms.get(h), used.get(h), loads.get(m.vm()))) {
                    staged.add(m.vm());
                    return new Move(m.vm(), h);
                }
            }
        }
        return null;
    }

    private static HostId finalTarget(List<Move> pending, VmId vm) {
        return pending.stream().filter(m -> m.vm().equals(vm)).map(Move::target).findFirst().orElseThrow();
    }

    private static void moveVm(VmId vm, HostId to, Map<VmId, HostId> where, Map<HostId, long[]> used, Map<VmId, VmLoad> loads) {
        add(used.get(where.get(vm)), loads.get(vm), -1);
        add(used.get(to), loads.get(vm), 1);
        where.put(vm, to);
    }

    private static boolean fits(HostRoom room, long[] used, VmLoad load) {
        return used[0] + load.cpu() <= room.cpuLimit() && used[1] + load.memory() <= room.memoryLimit();
    }

    private static boolean overLimit(HostRoom room, long[] used) {
        return used[0] > room.cpuLimit() || used[1] > room.memoryLimit();
    }

    private static String lack(HostRoom room, long[] used, VmLoad load, boolean on) {
        if (!on) {
            return room.id() + " is " + room.state();
        }
        return room.id() + " would hold cpu " + (used[0] + load.cpu()) + "/" + room.cpuLimit() + " millicores, memory "
                + (used[1] + load.memory()) + "/" + room.memoryLimit() + " MiB";
    }

    private static void add(long[] used, VmLoad load, int sign) {
        if (load == null) {
            return;
        }
        used[0] += sign * load.cpu();
        used[1] += sign * load.memory();
    }

    private static HostId require(Map<HostId, long[]> used, HostId host, VmId vm) {
        if (!used.containsKey(host)) {
            throw new IllegalArgumentException("vm " + vm + " refers to unknown host " + host);
        }
        return host;
    }
}
