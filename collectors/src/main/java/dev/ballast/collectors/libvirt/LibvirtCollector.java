package dev.ballast.collectors.libvirt;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.collection.CollectionRound;
import dev.ballast.collectors.collection.Collector;
import dev.ballast.collectors.collection.StaleSource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Collects a cluster of libvirt hosts: every host is scanned in parallel, each within the scan timeout. A host that
 * cannot be read is reported stale for the round and keeps its last known inventory (its guests keep running when
 * only libvirtd is down), while the others are collected as usual. VM ids are domain names; a name seen on two
 * hosts (the destination of a live migration holds a paused copy) counts once, where it runs.
 */
public final class LibvirtCollector implements Collector {
    private static final System.Logger LOG = System.getLogger(LibvirtCollector.class.getName());

    private final LibvirtSettings settings;
    private final List<HostScanner> scanners = new ArrayList<>();
    private final ExecutorService pool;
    private final Clock clock;
    private final CpuMeter cpu = new CpuMeter();
    private final Map<String, Future<HostScan>> overdue = new HashMap<>();
    private final Map<String, HostScan> lastGood = new HashMap<>();
    private final Map<String, HostId> hostIds = new HashMap<>();
    private final Map<String, Instant> staleSince = new HashMap<>();

    public LibvirtCollector(LibvirtSettings settings) {
        this(settings, HostScanner.READ_ONLY, Clock.systemUTC());
    }

    public LibvirtCollector(LibvirtSettings settings, HostScanner.Opener opener, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        settings.hostUris().forEach(uri -> scanners.add(new HostScanner(uri, opener, clock)));
        this.pool = Executors.newCachedThreadPool(
                Thread.ofPlatform().daemon().name("ballast-libvirt-scan-", 0).factory());
    }

    @Override
    public synchronized CollectionRound collect() {
        Instant now = clock.instant();
        Map<String, Future<HostScan>> running = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (HostScanner scanner : scanners) {
            Future<HostScan> previous = overdue.get(scanner.uri());
            if (previous != null && !previous.isDone()) {
                failures.put(scanner.uri(), "the previous scan has not finished after "
                        + settings.scanTimeout() + " or more");
                continue;
            }
            overdue.remove(scanner.uri());
            running.put(scanner.uri(), pool.submit(scanner::scan));
        }
        long deadline = System.nanoTime() + settings.scanTimeout().toNanos();
        Map<String, HostScan> scans = new LinkedHashMap<>();
        running.forEach((uri, future) -> {
            try {
                scans.put(uri, future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                overdue.put(uri, future);
                failures.put(uri, "no answer within the scan timeout of " + settings.scanTimeout());
            } catch (ExecutionException e) {
                failures.put(uri, LibvirtErrors.describe(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(uri, "interrupted");
            }
        });
        return assemble(now, scans, failures);
    }

    @Override
    public synchronized void close() {
        pool.shutdownNow();
        for (HostScanner scanner : scanners) {
            Future<HostScan> hung = overdue.get(scanner.uri());
            if (hung == null || hung.isDone()) {
                scanner.close();
            }
        }
    }

    private CollectionRound assemble(Instant now, Map<String, HostScan> scans, Map<String, String> failures) {
        List<Host> hosts = new ArrayList<>();
        List<StaleSource> stale = new ArrayList<>();
        // fresh, running copies first, so they win over paused migration targets and stale hosts' last known VMs
        List<Candidate> candidates = new ArrayList<>();
        Set<HostId> usedIds = new HashSet<>();
        Set<HostId> freshHosts = new HashSet<>();
        for (HostScanner scanner : scanners) {
            String uri = scanner.uri();
            HostScan scan = scans.get(uri);
            if (scan != null) {
                lastGood.put(uri, scan);
                Instant wasStale = staleSince.remove(uri);
                if (wasStale != null) {
                    LOG.log(System.Logger.Level.INFO, "libvirt host {0} answers again", uri);
                }
            } else {
                String reason = failures.getOrDefault(uri, "not scanned");
                if (staleSince.putIfAbsent(uri, now) == null) {
                    LOG.log(System.Logger.Level.WARNING, "libvirt host {0} is stale: {1}", uri, reason);
                }
                scan = lastGood.get(uri);
                Optional<HostId> lastHost = lastGood.containsKey(uri) ? Optional.of(hostIds.get(uri)) : Optional.empty();
                stale.add(new StaleSource(uri, lastHost, reason, staleSince.get(uri)));
                cpu.carryOver(uri + "|");
                if (scan == null) {
                    continue;
                }
            }
            HostId id = hostIdOf(uri, scan.host(), usedIds);
            usedIds.add(id);
            hosts.add(hostOf(id, scan.host()));
            boolean fresh = scans.containsKey(uri);
            if (fresh) {
                freshHosts.add(id);
            }
            for (DomainInventory d : scan.domains()) {
                if (d.isActive()) {
                    candidates.add(new Candidate(uri, id, d, fresh));
                }
            }
        }
        candidates.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        Map<VmId, Vm> vms = new LinkedHashMap<>();
        Map<VmId, UsageSample> vmUsage = new LinkedHashMap<>();
        Map<HostId, Resources> hostSums = new LinkedHashMap<>();
        Set<HostId> incomplete = new HashSet<>();
        for (Candidate c : candidates) {
            DomainInventory d = c.domain();
            VmId vmId = VmId.of(d.name());
            OptionalDouble cores = c.fresh()
                    ? cpu.cores(c.uri() + "|" + d.uuid(), d.cpuTimeNanos(), d.readAtNanos(), d.vcpus())
                    : OptionalDouble.empty();
            if (vms.containsKey(vmId)) {
                continue;
            }
            vms.put(vmId, new Vm(vmId, Resources.of(d.vcpus(), d.currentMemoryMib()), c.host(), 0,
                    Map.of("libvirt.uuid", d.uuid(), "libvirt.state", d.state().name(),
                            "libvirt.memory.source", d.memorySource().name(),
                            "libvirt.memory.max.mib", Long.toString(d.maxMemoryMib()))));
            if (!c.fresh()) {
                continue;
            }
            if (cores.isEmpty()) {
                incomplete.add(c.host());
                continue;
            }
            Resources used = Resources.of(cores.getAsDouble(), d.memoryUsedMib());
            vmUsage.put(vmId, new UsageSample(now, used));
            hostSums.merge(c.host(), used, Resources::plus);
        }
        cpu.endRound();
        Map<HostId, UsageSample> hostUsage = new LinkedHashMap<>();
        for (Host h : hosts) {
            if (freshHosts.contains(h.id()) && !incomplete.contains(h.id())) {
                hostUsage.put(h.id(), new UsageSample(now, hostSums.getOrDefault(h.id(), Resources.ZERO)));
            }
        }
        return new CollectionRound(new ClusterSnapshot(now, hosts, List.copyOf(vms.values())), vmUsage, hostUsage,
                stale);
    }

    /** The host's name as libvirt reports it; the URI when two hosts report the same name. */
    private HostId hostIdOf(String uri, HostInventory host, Set<HostId> taken) {
        HostId id = hostIds.get(uri);
        if (id == null) {
            id = HostId.of(host.hostname());
            if (taken.contains(id) || hostIds.containsValue(id)) {
                id = HostId.of(uri);
            }
            hostIds.put(uri, id);
        }
        return id;
    }

    private Host hostOf(HostId id, HostInventory inv) {
        return new Host(id, Resources.of(inv.cpus(), inv.memoryMib()), HostState.ON, settings.power(),
                Map.of("libvirt.uri", inv.uri(), "hostname", inv.hostname(), "cpu.mhz", Integer.toString(inv.mhz()),
                        "cpu.model", inv.cpuModel()));
    }

    private record Candidate(String uri, HostId host, DomainInventory domain, boolean fresh) {
        /** Fresh running copies first, then fresh others (paused), then stale hosts' last known domains. */
        int rank() {
            if (!fresh) {
                return 2;
            }
            return domain.state() == DomainRunState.RUNNING ? 0 : 1;
        }
    }
}
