package dev.ballast.actuators.libvirt;

import dev.ballast.actuators.execution.HypervisorDriver;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.power.PowerDriver;
import dev.ballast.actuators.power.PowerState;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.DomainJobStats;
import org.libvirt.LibvirtException;
import org.libvirt.TypedParameter;
import org.libvirt.TypedUlongParameter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The hypervisor driver for libvirt/QEMU hosts. A migration is live and peer-to-peer (the source libvirtd talks to
 * the destination's), persists the domain on the destination and undefines it on the source; its mode comes from
 * {@link MigrationSettings#modeFor}, its bandwidth is capped, its progress read from the job statistics; when it
 * outlives its timeout or the calling thread is interrupted the job is aborted and the VM stays on its source.
 * Afterwards the driver checks the domain runs on the destination and is gone from the source. A VM is a running
 * domain; its id is the domain name.
 */
public final class LibvirtHypervisor implements HypervisorDriver {
    private static final System.Logger LOG = System.getLogger(LibvirtHypervisor.class.getName());
    private static final int LIST_ACTIVE = Connect.ConnectListAllDomainsFlags.CONNECT_LIST_DOMAINS_ACTIVE;
    private static final Duration ABORT_WAIT = Duration.ofSeconds(60);

    private final Map<HostId, LibvirtHost> hosts = new LinkedHashMap<>();
    private final MigrationSettings settings;
    private final Optional<PowerDriver> power;
    private final MigrationObserver observer;
    private final Clock clock;
    private final Map<HostId, Resources> lastKnownCapacity = new ConcurrentHashMap<>();
    private final Map<VmId, Double> dirtyRates;
    private final java.util.Set<VmId> switchedToPostCopy = ConcurrentHashMap.newKeySet();

    public LibvirtHypervisor(List<LibvirtHost> hosts, MigrationSettings settings, PowerDriver power,
                             Map<VmId, Double> dirtyRates, MigrationObserver observer, Clock clock) {
        QuietLibvirt.install();
        for (LibvirtHost h : hosts) {
            if (this.hosts.put(h.id(), h) != null) {
                throw new IllegalArgumentException("host " + h.id() + " is configured twice");
            }
        }
        this.settings = Objects.requireNonNull(settings, "migration settings");
        this.power = Optional.ofNullable(power);
        this.dirtyRates = dirtyRates == null ? Map.of() : Map.copyOf(dirtyRates);
        this.observer = observer == null ? MigrationObserver.NONE : observer;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LibvirtHypervisor(List<LibvirtHost> hosts, MigrationSettings settings) {
        this(hosts, settings, null, Map.of(), MigrationObserver.NONE, Clock.systemUTC());
    }

    /** A libvirt connection that closes quietly. */
    private record Session(Connect connect, LibvirtHost host) implements AutoCloseable {
        @Override
        public void close() {
            try {
                connect.close();
            } catch (LibvirtException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing connection to " + host.id() + ": " + e.getMessage());
            }
        }
    }

    private Session open(LibvirtHost host) throws LibvirtException {
        return new Session(new Connect(host.uri()), host);
    }

    private LibvirtHost host(HostId id) {
        LibvirtHost h = hosts.get(id);
        if (h == null) {
            throw new IllegalArgumentException("host " + id + " is not configured (known: " + hosts.keySet() + ")");
        }
        return h;
    }

    // ---------------------------------------------------------------------------------------------- observation

    /** One running domain as a host reports it. */
    private record Seen(HostId host, Vm vm, DomainState state) {
    }

    @Override
    public ClusterSnapshot observe() {
        List<Host> hostList = new ArrayList<>();
        Map<VmId, Seen> seen = new LinkedHashMap<>();
        for (LibvirtHost h : hosts.values()) {
            try (Session s = open(h)) {
                org.libvirt.NodeInfo node = s.connect().nodeInfo();
                Resources capacity = new Resources(node.cpus, node.memory / 1024.0);
                lastKnownCapacity.put(h.id(), capacity);
                hostList.add(new Host(h.id(), capacity, HostState.ON, h.power(), h.labels()));
                for (Domain d : s.connect().listAllDomains(LIST_ACTIVE)) {
                    org.libvirt.DomainInfo info;
                    VmId id;
                    try {
                        info = d.getInfo();
                        id = VmId.of(d.getName());
                    } catch (LibvirtException gone) {
                        continue; // left the host (a migration finished) between the listing and this look
                    }
                    Vm vm = new Vm(id, new Resources(info.nrVirtCpu, info.maxMem / 1024.0), h.id(),
                            dirtyRates.getOrDefault(id, 0.0), Map.of("libvirt.state", info.state.name()));
                    Seen other = seen.get(id);
                    // mid-migration a domain exists on both hosts, paused on one: the one that runs is the VM
                    if (other == null || isPaused(other.state()) && !isPaused(info.state)) {
                        seen.put(id, new Seen(h.id(), vm, info.state));
                    }
                }
            } catch (LibvirtException e) {
                hostList.add(unreachable(h, e));
            }
        }
        return new ClusterSnapshot(clock.instant(), hostList, seen.values().stream().map(Seen::vm).toList());
    }

    private Host unreachable(LibvirtHost h, LibvirtException e) {
        HostState state = HostState.OFF;
        String why = "libvirt unreachable: " + e.getMessage();
        if (power.isPresent()) {
            try {
                // powered but not answering: still booting (or its libvirtd is down)
                state = power.get().status(h.id()) == PowerState.ON ? HostState.BOOTING : HostState.OFF;
            } catch (RuntimeException powerError) {
                why += "; power status unknown: " + powerError.getMessage();
            }
        }
        Map<String, String> labels = new HashMap<>(h.labels());
        labels.put("ballast.unreachable", why);
        Resources capacity = lastKnownCapacity.getOrDefault(h.id(), new Resources(1, 1));
        return new Host(h.id(), capacity, state, h.power(), labels);
    }

    private static boolean isPaused(DomainState state) {
        return state == DomainState.VIR_DOMAIN_PAUSED;
    }

    private static boolean isRunning(DomainState state) {
        return state == DomainState.VIR_DOMAIN_RUNNING || state == DomainState.VIR_DOMAIN_BLOCKED;
    }

    // ---------------------------------------------------------------------------------------------- migration

    @Override
    public void migrate(LiveMigrate step) {
        migrateMeasured(step);
    }

    /** Migrates and returns what it cost; the exceptions are those of {@link #migrate}. */
    public MigrationResult migrateMeasured(LiveMigrate step) {
        LibvirtHost source = host(step.source());
        LibvirtHost target = host(step.target());
        String name = step.vm().value();
        String what = "migration of vm " + name + " from " + source.id() + " to " + target.id();
        long started = System.nanoTime();
        MigrationMode mode;
        try (Session s = open(source); Session monitor = open(source)) {
            Domain domain = lookup(s, name).orElseThrow(() -> new IllegalStateException(what + ": no domain " + name + " on " + source.id()));
            org.libvirt.DomainInfo info = domain.getInfo();
            if (!isRunning(info.state)) {
                throw new IllegalStateException(what + ": the domain is " + info.state + " on " + source.id() + ", not running");
            }
            mode = settings.modeFor(step.vm(), info.maxMem / 1024.0, dirtyRates.getOrDefault(step.vm(), 0.0));
            int flags = Domain.MigrateFlags.LIVE | Domain.MigrateFlags.PEER2PEER | Domain.MigrateFlags.PERSIST_DEST
                    | Domain.MigrateFlags.UNDEFINE_SOURCE | modeFlags(mode);
            TypedParameter[] params = {new TypedUlongParameter(Domain.DomainMigrateParameters.VIR_MIGRATE_PARAM_BANDWIDTH, settings.bandwidthMibPerSecond())};
            CompletableFuture<Void> call = new CompletableFuture<>();
            // a platform thread: the JNA call blocks for the whole migration
            Thread.ofPlatform().daemon().name("migrate-" + name).start(() -> {
                try {
                    domain.migrateToURI(target.peerUri(), params, flags);
                    call.complete(null);
                } catch (Throwable e) {
                    call.completeExceptionally(e);
                }
            });
            Domain watched = lookup(monitor, name).orElseThrow(() -> new IllegalStateException(what + ": domain vanished"));
            follow(step, mode, call, watched, source, what);
        } catch (LibvirtException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        MigrationResult result = verifyAndMeasure(step, source, target, mode, wallMillis, what);
        observer.onFinished(result);
        return result;
    }

    private static int modeFlags(MigrationMode mode) {
        return switch (mode) {
            case PRE_COPY -> 0;
            case AUTO_CONVERGE -> Domain.MigrateFlags.AUTO_CONVERGE;
            case COMPRESSED -> Domain.MigrateFlags.COMPRESSED;
            case POST_COPY -> Domain.MigrateFlags.POSTCOPY;
        };
    }

    /** Waits for the migration call, reading progress; aborts the job on timeout or interruption. */
    private void follow(LiveMigrate step, MigrationMode mode, CompletableFuture<Void> call, Domain watched,
                        LibvirtHost source, String what) throws LibvirtException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        boolean postCopyStarted = false;
        while (true) {
            try {
                call.get(settings.progressInterval().toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new IllegalStateException(what + " failed: " + cause.getMessage(), cause);
            } catch (InterruptedException e) {
                abort(call, watched, what);
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " was interrupted; its job was aborted and vm " + step.vm() + " stays on " + source.id());
            } catch (TimeoutException stillRunning) {
                Optional<MigrationProgress> p = progress(step.vm(), mode, watched);
                p.ifPresent(observer::onProgress);
                if (mode == MigrationMode.POST_COPY && !postCopyStarted && p.isPresent()
                        && (p.get().iteration() >= 1 || p.get().memoryProcessed() >= p.get().memoryTotal())) {
                    // one full pre-copy pass done: switch, the destination pulls what is left
                    postCopyStarted = PostCopySwitch.start(source.uri(), step.vm().value());
                    if (postCopyStarted) {
                        switchedToPostCopy.add(step.vm());
                    }
                }
                if (System.nanoTime() > deadline) {
                    if (postCopyStarted) {
                        continue; // a post-copy migration cannot be aborted: the destination already runs the guest
                    }
                    abort(call, watched, what);
                    throw new IllegalStateException(what + " timed out after " + settings.timeout() + "; its job was aborted and vm "
                            + step.vm() + " stays on " + source.id());
                }
            }
        }
    }

    private void abort(CompletableFuture<Void> call, Domain watched, String what) {
        try {
            watched.abortJob();
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.WARNING, what + ": abortJob failed: " + e.getMessage());
        }
        try {
            call.get(ABORT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the expected end of an aborted migration (or it would not stop): the post-condition says where the VM is
        }
    }

    private Optional<MigrationProgress> progress(VmId vm, MigrationMode mode, Domain domain) {
        try {
            Map<String, Long> stats = stats(domain.getJobStats(0));
            if (stats.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new MigrationProgress(vm, mode, stats.getOrDefault("time_elapsed", 0L),
                    stats.getOrDefault("memory_total", 0L), stats.getOrDefault("memory_processed", 0L),
                    stats.getOrDefault("memory_remaining", 0L), stats.getOrDefault("data_processed", 0L),
                    stats.getOrDefault("memory_iteration", 0L)));
        } catch (LibvirtException e) {
            return Optional.empty(); // the job just ended
        }
    }

    private static Map<String, Long> stats(DomainJobStats jobStats) {
        Map<String, Long> values = new HashMap<>();
        if (jobStats == null || jobStats.stats == null) {
            return values;
        }
        for (TypedParameter p : jobStats.stats) {
            try {
                values.put(p.field, (long) Double.parseDouble(p.getValueAsString()));
            } catch (NumberFormatException notANumber) {
                // text statistics are of no use here
            }
        }
        return values;
    }

    /** The post-condition: running on the target, gone from the source; then the completed job's figures. */
    private MigrationResult verifyAndMeasure(LiveMigrate step, LibvirtHost source, LibvirtHost target, MigrationMode mode,
                                             long wallMillis, String what) {
        String name = step.vm().value();
        Map<String, Long> completed = Map.of();
        try (Session t = open(target)) {
            Domain moved = lookup(t, name).orElseThrow(() -> new IllegalStateException(what + " reported success but " + target.id() + " has no domain " + name));
            org.libvirt.DomainInfo info = moved.getInfo();
            if (isPaused(info.state)) {
                moved.resume(); // never leave a guest paused
                info = moved.getInfo();
            }
            if (!isRunning(info.state) || moved.isPersistent() != 1) {
                throw new IllegalStateException(what + ": on " + target.id() + " the domain is " + info.state
                        + (moved.isPersistent() == 1 ? "" : " and not persistent"));
            }
            try {
                completed = stats(moved.getJobStats(Domain.GetJobStatsFlags.COMPLETED));
            } catch (LibvirtException e) {
                LOG.log(System.Logger.Level.DEBUG, "no completed job statistics for " + name + ": " + e.getMessage());
            }
        } catch (LibvirtException e) {
            throw new IllegalStateException(what + ": cannot check the target " + target.id() + ": " + e.getMessage(), e);
        }
        try (Session s = open(source)) {
            Optional<Domain> left = lookup(s, name);
            if (left.isPresent()) {
                throw new IllegalStateException(what + ": the domain is still " + (left.get().isActive() == 1 ? "running" : "defined")
                        + " on the source " + source.id());
            }
        } catch (LibvirtException e) {
            throw new IllegalStateException(what + ": cannot check the source " + source.id() + ": " + e.getMessage(), e);
        }
        return new MigrationResult(step.vm(), source.id(), target.id(), mode, switchedToPostCopy.remove(step.vm()), wallMillis,
                completed.getOrDefault("time_elapsed", -1L), completed.getOrDefault("downtime", -1L),
                completed.getOrDefault("data_processed", -1L), completed.getOrDefault("memory_processed", -1L));
    }

    private static Optional<Domain> lookup(Session s, String name) throws LibvirtException {
        for (Domain d : s.connect().listAllDomains(0)) {
            if (d.getName().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------- restart

    /**
     * After a crash: aborts the migration job if it still runs, waits for it to end, resumes a paused guest, removes
     * a paused incoming copy on the target while the source still runs, and undefines a source definition left
     * behind by a migration that completed. Never destroys a running domain.
     */
    @Override
    public void resolveInterrupted(LiveMigrate step) {
        String name = step.vm().value();
        LibvirtHost source = host(step.source());
        LibvirtHost target = host(step.target());
        try (Session s = open(source)) {
            Optional<Domain> d = lookup(s, name);
            if (d.isPresent() && d.get().isActive() == 1 && jobRunning(d.get())) {
                try {
                    d.get().abortJob();
                } catch (LibvirtException e) {
                    LOG.log(System.Logger.Level.INFO, "abort of the interrupted migration of " + name + ": " + e.getMessage());
                }
                long until = System.nanoTime() + ABORT_WAIT.toNanos();
                while (jobRunning(d.get()) && System.nanoTime() < until) {
                    sleep(200);
                }
            }
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot reach source " + source.id() + " to settle " + name + ": " + e.getMessage());
        }
        try (Session s = open(source); Session t = open(target)) {
            Optional<Domain> onSource = lookup(s, name).filter(LibvirtHypervisor::active);
            Optional<Domain> onTarget = lookup(t, name).filter(LibvirtHypervisor::active);
            if (onSource.isPresent() && onTarget.isPresent()) {
                if (isPaused(onTarget.get().getInfo().state) && !isPaused(onSource.get().getInfo().state)) {
                    onTarget.get().destroy(); // the incoming copy of an aborted migration
                    onTarget = Optional.empty();
                }
            }
            for (Optional<Domain> d : List.of(onSource, onTarget)) {
                if (d.isPresent() && isPaused(d.get().getInfo().state)) {
                    d.get().resume();
                }
            }
            if (onTarget.isPresent() && onSource.isEmpty()) {
                Optional<Domain> leftover = lookup(s, name);
                if (leftover.isPresent()) {
                    leftover.get().undefine(); // the completed migration's undefine-source did not happen
                }
            }
        } catch (LibvirtException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot settle " + name + " between " + source.id() + " and " + target.id() + ": " + e.getMessage());
        }
    }

    private static boolean active(Domain d) {
        try {
            return d.isActive() == 1;
        } catch (LibvirtException e) {
            return false;
        }
    }

    private static boolean jobRunning(Domain d) {
        try {
            int type = d.getJobInfo().getType();
            return type == Domain.JobType.BOUNDED || type == Domain.JobType.UNBOUNDED;
        } catch (LibvirtException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------- power

    /** Powers the host on, then waits until its libvirt answers (at most the boot timeout). */
    @Override
    public void powerOn(HostId id) {
        LibvirtHost h = host(id);
        powerDriver(id).powerOn(id);
        long until = System.nanoTime() + settings.bootTimeout().toNanos();
        String last = "";
        while (System.nanoTime() < until) {
            try (Session s = open(h)) {
                if (s.connect().isAlive()) {
                    return;
                }
            } catch (LibvirtException e) {
                last = e.getMessage();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("waiting for host " + id + " to answer after power-on was interrupted");
            }
            sleep(250);
        }
        throw new IllegalStateException("host " + id + " was powered on but its libvirt (" + h.uri() + ") did not answer within "
                + settings.bootTimeout() + ": " + last);
    }

    /** Powers the host off only when its libvirt confirms that no domain runs on it, then waits until it is down. */
    @Override
    public void powerOff(HostId id) {
        LibvirtHost h = host(id);
        PowerDriver driver = powerDriver(id);
        try (Session s = open(h)) {
            Domain[] running = s.connect().listAllDomains(LIST_ACTIVE);
            if (running.length > 0) {
                List<String> names = new ArrayList<>();
                for (Domain d : running) {
                    names.add(d.getName());
                }
                throw new IllegalStateException("refusing to power off host " + id + ": it still runs " + names);
            }
        } catch (LibvirtException e) {
            throw new IllegalStateException("refusing to power off host " + id + ": cannot verify it is empty (" + e.getMessage() + ")", e);
        }
        driver.powerOff(id);
        // the host is off once its libvirt stops answering
        long until = System.nanoTime() + settings.bootTimeout().toNanos();
        while (System.nanoTime() < until) {
            try (Session s = open(h)) {
                s.connect().isAlive();
            } catch (LibvirtException e) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("waiting for host " + id + " to go down after power-off was interrupted");
            }
            sleep(250);
        }
        throw new IllegalStateException("host " + id + " was powered off but its libvirt (" + h.uri() + ") still answers after "
                + settings.bootTimeout());
    }

    private PowerDriver powerDriver(HostId id) {
        return power.orElseThrow(() -> new IllegalStateException("no power driver is configured, cannot switch host " + id));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
