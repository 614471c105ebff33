package dev.ballast.scheduler.benchmark;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.sequencing.HostRoom;
import dev.ballast.scheduler.sequencing.MigrationSequencer;
import dev.ballast.scheduler.sequencing.SequencedPlan;
import dev.ballast.scheduler.sequencing.SequencedStep;
import dev.ballast.scheduler.sequencing.SequencingLimits;
import dev.ballast.scheduler.sequencing.StepReasons;
import dev.ballast.scheduler.sequencing.VmLoad;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The realistic world's way of carrying out a decision: the policy's migration map goes through Ballast's
 * {@link MigrationSequencer} (memory as the hard limit, counting a migrating VM on both hosts; CPU is time-shared
 * and no limit), and its waves run one after the other, each starting when the previous one has completed. A new
 * decision drops the waves of the previous one that have not started (the policy has seen the world since);
 * migrations already running go on.
 */
final class MigrationWaves {
    /** CPU is no capacity in the sequencing: the hosts' CPU schedulers time-share. */
    private static final long NO_CPU_LIMIT = Long.MAX_VALUE / 4;

    private record Step(int vm, int source, int target) {
    }

    private final MigrationSequencer sequencer;
    private final Deque<List<Step>> waves = new ArrayDeque<>();
    private long batch;
    private int inFlight;
    private int notStarted;
    private int unresolved;

    MigrationWaves(SequencingLimits limits) {
        this.sequencer = new MigrationSequencer(limits);
    }

    /** Sequences a new decision's map, dropping what is left of the previous one. */
    void plan(SimulatedWorld world, List<Migration> map) {
        cancelRest();
        batch++;
        inFlight = 0;
        if (map.isEmpty()) {
            return;
        }
        List<HostRoom> rooms = new ArrayList<>();
        for (SimHost h : world.hosts()) {
            long heldForIncoming = 0;
            for (SimVm vm : h.migratingIn) {
                heldForIncoming += vm.ramMb();
            }
            rooms.add(new HostRoom(hostId(h.index), HostState.ON, NO_CPU_LIMIT, h.memoryMb - heldForIncoming));
        }
        List<VmLoad> loads = new ArrayList<>();
        Map<VmId, HostId> current = new LinkedHashMap<>();
        for (SimVm vm : world.vms()) {
            if (vm.host != null) {
                loads.add(new VmLoad(vmId(vm.index), Math.round(vm.requestedMips), vm.ramMb()));
                current.put(vmId(vm.index), hostId(vm.host.index));
            }
        }
        Map<VmId, HostId> target = new LinkedHashMap<>();
        for (Migration m : map) {
            // a VM given two targets in one map (CloudSim's policies can) goes to the last one
            if (m.vm().host != null && !m.vm().inMigration) {
                target.put(vmId(m.vm().index), hostId(m.target().index));
            }
        }
        target.entrySet().removeIf(e -> e.getValue().equals(current.get(e.getKey())));
        SequencedPlan plan = sequencer.sequence(rooms, loads, current, target, Set.of(), REASONS);
        unresolved += plan.unresolved().size();
        Map<Integer, List<Step>> byWave = new TreeMap<>();
        for (SequencedStep s : plan.steps()) {
            if (s.step() instanceof LiveMigrate m) {
                byWave.computeIfAbsent(s.wave(), w -> new ArrayList<>())
                        .add(new Step(index(m.vm().value()), index(m.source().value()), index(m.target().value())));
            }
        }
        waves.addAll(byWave.values());
    }

    boolean hasNext() {
        return !waves.isEmpty();
    }

    /** The next wave's migrations that can still start as planned (the VM where the plan expects it, idle). */
    List<Migration> next(SimulatedWorld world) {
        List<Migration> out = new ArrayList<>();
        for (Step s : waves.poll()) {
            SimVm vm = world.vms().get(s.vm());
            if (vm.host == null || vm.inMigration || vm.host.index != s.source()) {
                notStarted++;
                continue;
            }
            out.add(new Migration(vm, world.hosts().get(s.target())));
        }
        return out;
    }

    void cancelRest() {
        for (List<Step> wave : waves) {
            notStarted += wave.size();
        }
        waves.clear();
    }

    long batch() {
        return batch;
    }

    void started() {
        inFlight++;
    }

    void completed(long ofBatch) {
        if (ofBatch == batch) {
            inFlight--;
        }
    }

    int inFlight() {
        return inFlight;
    }

    /** Planned migrations dropped before they started (a newer decision came first, or the VM had moved). */
    int notStarted() {
        return notStarted;
    }

    /** Moves the sequencer could not fit in memory at any point of the plan, staging included. */
    int unresolved() {
        return unresolved;
    }

    private static HostId hostId(int index) {
        return HostId.of("h" + index);
    }

    private static VmId vmId(int index) {
        return VmId.of("vm" + index);
    }

    private static int index(String id) {
        return Integer.parseInt(id.substring(id.charAt(0) == 'h' ? 1 : 2));
    }

    private static final StepReasons REASONS = StepReasons.labels("planned", "staged", "power on", "power off");
}
