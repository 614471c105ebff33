package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.TraceSeries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A simulated cluster under a {@link WorldModel}. With {@link WorldModel#cloudSim()} it is the CloudSim
 * 3.0.3-compatible world of DESIGN.md §4, in simulated time: 800 hosts alternating G4/G5, one VM per
 * trace in name order with the four VM types in contiguous quarters, decisions every 300 s, migrations taking
 * RAM ÷ 62.5 MB/s with 10 % of the VM's CPU lost on the source and 10 % reserved on the target, energy as the
 * mean of the power at both ends of each processing interval (0 W for a host idle at the start of it), SLATAH
 * and PDM folded from the same state histories CloudSim records.
 *
 * <p>Event times follow CloudSim's: VMs are created at 0, the datacenter processes at 300.1 and every 300 s
 * after (the 0.1 s is CloudSim's minimum time between events), migrations complete at their own times (which
 * also process the datacenter), and the run stops at 86 400 s.
 *
 * <p>With {@link WorldModel#realistic()} the same world enforces memory, times migrations by pre-copy and runs a
 * decision's migrations wave by wave as the migration sequencer orders them (see {@link WorldModel}).
 */
public final class SimulatedWorld {
    public static final double INTERVAL = 300;
    static final long HOST_BW = 1_000_000;
    static final long VM_BW = 100_000;
    /** Half of the link for migration, in MB/s: CloudSim's {@code bw / (2 * 8000)}. */
    static final double MIGRATION_MB_PER_SECOND = WorldModel.MIGRATION_MB_PER_SECOND;

    private final List<SimHost> hosts;
    private final List<SimVm> vms;
    private final double limit;
    private final double cooldown;
    private final List<SimVm> unplaced = new ArrayList<>();
    private final WorldModel model;
    private final MigrationWaves waves;

    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private long sequence;
    private double lastProcessTime;
    private double energyJoules;
    private int migrations;
    private int pingPong;
    private int replanned;
    private int finished;
    private int refusedForMemory;
    private double migratingSeconds;
    private double downtimeSeconds;
    private double peakMemoryUse;

    private record Pending(double time, long sequence, SimVm vm, SimHost target, long batch) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    /**
     * @param traces   one VM per trace, in this order (name order for PlanetLab)
     * @param hostCount hosts, alternating G4 (even index) and G5 (odd)
     * @param limit    simulated seconds (86 400 for a day; shorter for a slice)
     * @param cooldown seconds within which a move back to the host a VM left counts as ping-pong
     */
    public SimulatedWorld(List<TraceSeries> traces, int hostCount, double limit, double cooldown) {
        this(traces, hostCount, limit, cooldown, WorldModel.cloudSim());
    }

    /** As above, under {@code model}; a trace's memory series is used when the model enforces memory. */
    SimulatedWorld(List<TraceSeries> traces, int hostCount, double limit, double cooldown, WorldModel model) {
        Objects.requireNonNull(traces, "traces");
        this.model = Objects.requireNonNull(model, "model");
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("the world needs at least one VM trace");
        }
        if (hostCount < 1) {
            throw new IllegalArgumentException("host count must be >= 1, was " + hostCount);
        }
        if (!(limit > INTERVAL)) {
            throw new IllegalArgumentException("simulated time must exceed one interval (" + INTERVAL + " s), was " + limit);
        }
        this.limit = limit;
        this.cooldown = cooldown;
        this.hosts = new ArrayList<>(hostCount);
        for (int i = 0; i < hostCount; i++) {
            HostType type = i % 2 == 0 ? HostType.G4 : HostType.G5;
            hosts.add(new SimHost(i, type, HOST_BW, model.hostMemoryMb() > 0 ? model.hostMemoryMb() : type.ramMb(), model.enforceMemory()));
        }
        this.vms = new ArrayList<>(traces.size());
        for (int i = 0; i < traces.size(); i++) {
            TraceSeries series = traces.get(i);
            if (series.step().toSeconds() != (long) INTERVAL) {
                throw new IllegalArgumentException("trace " + series.name() + " has a " + series.step()
                        + " step; the CloudSim-compatible model needs 300 s");
            }
            double[] cpu = series.cpu();
            double[] trace = new double[cpu.length + 1];
            System.arraycopy(cpu, 0, trace, 0, cpu.length);
            trace[cpu.length] = cpu[cpu.length - 1];
            double[] memory = null;
            if (series.hasMemory() && model.enforceMemory()) {
                memory = java.util.Arrays.copyOf(series.memory(), cpu.length + 1);
                memory[cpu.length] = memory[cpu.length - 1];
            }
            vms.add(new SimVm(i, series.name(), VmType.cloudSimTypeOf(i, traces.size()), trace, memory, INTERVAL));
        }
        this.waves = model.staggering() == null ? null : new MigrationWaves(model.staggering());
    }

    WorldModel model() {
        return model;
    }

    List<SimHost> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    List<SimVm> vms() {
        return Collections.unmodifiableList(vms);
    }

    /** Runs a whole simulation; {@code tick} hears the index of each decision as it completes. */
    public RunResult run(ConsolidationPolicyFactory factory, String day, IntConsumer tick) {
        long started = System.nanoTime();
        ConsolidationPolicy policy = factory.create(this);
        placeInitially();
        List<Integer> active = new ArrayList<>();
        double time = 0.1 + INTERVAL;
        int decision = 0;
        while (time <= limit) {
            completeMigrationsBefore(time);
            process(time);
            int on = 0;
            for (SimHost host : hosts) {
                if (host.utilizationMips > 0) {
                    on++;
                }
            }
            active.add(on);
            List<Migration> map = policy.optimize(this, time);
            if (waves == null) {
                startMigrations(map, time);
            } else {
                waves.plan(this, map);
                startNextWave(time);
            }
            tick.accept(decision++);
            time += INTERVAL;
        }
        completeMigrationsBefore(limit + Math.ulp(limit));
        if (waves != null) {
            waves.cancelRest();
        }
        int vmsMigrated = 0;
        int maxPerVm = 0;
        double violation = 0;
        double activeTime = 0;
        double requested = 0;
        double underMigration = 0;
        for (SimHost host : hosts) {
            violation += host.violationTime;
            activeTime += host.activeTime;
        }
        for (SimVm vm : vms) {
            requested += vm.totalRequested;
            underMigration += vm.underAllocatedDueToMigration;
            if (vm.migrations > 0) {
                vmsMigrated++;
            }
            maxPerVm = Math.max(maxPerVm, vm.migrations);
        }
        return new RunResult(policy.name(), day, vms.size() - unplaced.size(), energyJoules / 3_600_000.0, migrations,
                activeTime == 0 ? 0 : violation / activeTime, requested == 0 ? 0 : underMigration / requested,
                active.stream().mapToInt(Integer::intValue).toArray(), vmsMigrated, maxPerVm, pingPong, replanned,
                unplaced.size(), finished, (System.nanoTime() - started) / 1e9,
                new MemoryFigures(refusedForMemory + (waves == null ? 0 : waves.unresolved()),
                        waves == null ? 0 : waves.notStarted(), migratingSeconds, downtimeSeconds, peakMemoryUse));
    }

    /**
     * CloudSim's initial placement: each VM in order, while being instantiated (asking its full MIPS and RAM),
     * to the host whose power grows least, first host on ties; CPU, RAM and bandwidth must fit. The power after
     * counts the full MIPS of the VMs already placed there, the power before is the idle power (no host has been
     * processed yet), so this spreads VMs over the hosts. The overload check cannot trigger here: VMs already
     * created ask nothing until their first processing, and one VM alone is below any of the thresholds.
     */
    private void placeInitially() {
        for (SimVm vm : vms) {
            vm.requestedMips = vm.mips();
            SimHost best = null;
            double minDiff = Double.MAX_VALUE;
            for (SimHost host : hosts) {
                if (!(host.suitableFor(vm) && host.freeRamMb >= vm.ramMb() && host.freeBw >= VM_BW)) {
                    continue;
                }
                double after = host.type.power().power((host.allocatedMips + vm.requestedMips) / host.totalMips());
                double diff = after - host.power();
                if (diff < minDiff) {
                    minDiff = diff;
                    best = host;
                }
            }
            if (best == null) {
                unplaced.add(vm);
                continue;
            }
            best.tentativeCreate(vm);
            best.freeRamMb -= vm.ramMb();
            best.freeBw -= VM_BW;
            vm.host = best;
            notePeakMemory(best);
        }
        for (SimVm vm : vms) {
            vm.requestedMips = 0;
        }
    }

    /** CloudSim's {@code updateCloudetProcessingWithoutSchedulingFutureEventsForce} at {@code time}. */
    private void process(double time) {
        double dt = time - lastProcessTime;
        for (SimVm vm : vms) {
            if (vm.host == null) {
                continue;
            }
            double utilization = vm.utilizationAt(time);
            vm.requestedMips = utilization * vm.mips();
            // PowerVm records history only at times that are exactly 0.1 past a multiple of the interval
            if (time > vm.historyTime && (time - 0.1) % INTERVAL == 0) {
                vm.addHistory(utilization);
                vm.historyTime = time;
            }
        }
        for (SimHost host : hosts) {
            double before = SimHost.capped(host.utilizationMips / host.totalMips());
            host.update(time);
            if (dt > 0 && before != 0) {
                double from = host.type.power().power(before);
                double to = host.type.power().power(host.utilization());
                energyJoules += (from + (to - from) / 2) * dt;
            }
        }
        // CloudSim 3.0.3 treats a VM that requests no CPU as finished (HostDynamicWorkload.getCompletedVms) and
        // removes it from its host for good: in PlanetLab traces, two consecutive 0 % samples end a VM's day
        for (SimHost host : model.removeIdleVms() ? hosts : List.<SimHost>of()) {
            for (int i = host.vms.size() - 1; i >= 0; i--) {
                SimVm vm = host.vms.get(i);
                if (!vm.inMigration && vm.requestedMips == 0) {
                    host.vms.remove(i);
                    host.allocate();
                    vm.host = null;
                    finished++;
                }
            }
        }
        lastProcessTime = time;
    }

    private void notePeakMemory(SimHost host) {
        peakMemoryUse = Math.max(peakMemoryUse, (double) host.memoryUsedMb() / host.memoryMb);
    }

    /** Starts the next wave of the current plan at {@code time}, if any; a wave that starts nothing is skipped. */
    private void startNextWave(double time) {
        while (waves.inFlight() == 0 && waves.hasNext()) {
            startMigrations(waves.next(this), time);
        }
    }

    private void startMigrations(List<Migration> map, double time) {
        Set<SimVm> planned = new HashSet<>();
        Map<SimHost, Integer> outgoing = new HashMap<>();
        Map<SimHost, Integer> incoming = new HashMap<>();
        if (model.realisticMigrationTime()) {
            for (Migration m : map) {
                outgoing.merge(m.vm().host, 1, Integer::sum);
                incoming.merge(m.target(), 1, Integer::sum);
            }
        }
        for (Migration m : map) {
            SimVm vm = m.vm();
            SimHost target = m.target();
            if (model.enforceMemory() && !target.migratingIn.contains(vm) && !target.memoryFits(vm)) {
                refusedForMemory++;
                continue;
            }
            if (!planned.add(vm)) {
                replanned++;
            }
            migrations++;
            vm.migrations++;
            if (vm.lastLeftHost == target.index && time - vm.lastLeftAt <= cooldown) {
                pingPong++;
            }
            vm.lastLeftHost = vm.host.index;
            vm.lastLeftAt = time;
            vm.inMigration = true;
            if (!target.migratingIn.contains(vm)) {
                target.migratingIn.add(vm);
                target.vms.add(vm);
                target.update(time);
                vm.host.update(time);
                notePeakMemory(target);
            }
            double seconds;
            if (model.realisticMigrationTime()) {
                // migrations sharing a link share its bandwidth
                int share = Math.max(outgoing.getOrDefault(vm.host, 1), incoming.getOrDefault(target, 1));
                double used = vm.usedMemoryMbAt(time);
                double dirty = model.dirtyShare() * Math.min(1, vm.requestedMips / vm.mips()) * used;
                PreCopyMigration.Estimate e = model.preCopy().estimate(used, dirty, MIGRATION_MB_PER_SECOND / share);
                seconds = e.seconds();
                downtimeSeconds += e.downtimeSeconds();
            } else {
                seconds = vm.ramMb() / MIGRATION_MB_PER_SECOND;
            }
            migratingSeconds += seconds;
            long batch = waves == null ? 0 : waves.batch();
            if (waves != null) {
                waves.started();
            }
            pending.add(new Pending(time + seconds, sequence++, vm, target, batch));
        }
    }

    private void completeMigrationsBefore(double time) {
        while (!pending.isEmpty() && pending.peek().time() < time) {
            double at = pending.peek().time();
            if (at > lastProcessTime) {
                process(at);
            }
            while (!pending.isEmpty() && pending.peek().time() == at) {
                Pending p = pending.poll();
                complete(p);
                if (waves != null) {
                    waves.completed(p.batch());
                }
            }
            process(at);
            if (waves != null && at < time) {
                startNextWave(at);
            }
        }
    }

    /** CloudSim's {@code Datacenter.processVmMigrate}: leave the source, stop migrating in, be created on the target. */
    private void complete(Pending p) {
        SimVm vm = p.vm();
        SimHost source = vm.host;
        source.vms.remove(vm);
        source.allocate();
        p.target().migratingIn.remove(vm);
        p.target().vms.remove(vm);
        vm.inMigration = false;
        p.target().tentativeCreate(vm);
        vm.host = p.target();
    }
}
