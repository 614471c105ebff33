package dev.ballast.collectors.libvirt;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.libvirt.MemoryStatistic;
import org.libvirt.NodeInfo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one libvirt host: its inventory and its domains. Keeps one connection open between scans and opens a new
 * one after a failure. A domain that disappears while the host is being read (destroyed, undefined, migrated away)
 * is left out, not an error; any other failure fails the scan.
 */
public final class HostScanner implements AutoCloseable {
    /** Opens a connection to a URI. */
    @FunctionalInterface
    public interface Opener {
        Connect open(String uri) throws LibvirtException;
    }

    /** The collector only reads: read-only connections are allowed where read-write ones are not. */
    public static final Opener READ_ONLY = uri -> new Connect(uri, true);

    private final String uri;
    private final Opener opener;
    private final Clock clock;
    private Connect connection;

    public HostScanner(String uri, Opener opener, Clock clock) {
        this.uri = uri;
        this.opener = opener;
        this.clock = clock;
    }

    public String uri() {
        return uri;
    }

    public synchronized HostScan scan() throws LibvirtException {
        Connect c = connection();
        try {
            NodeInfo node = c.nodeInfo();
            HostInventory host = new HostInventory(uri, c.getHostName(), node.cpus, node.mhz, node.memory / 1024,
                    node.model);
            List<DomainInventory> domains = new ArrayList<>();
            for (Domain d : c.listAllDomains(0)) {
                read(d).ifPresent(domains::add);
            }
            return new HostScan(host, domains, clock.instant());
        } catch (LibvirtException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    /** One domain, or empty when it no longer exists. The handle is freed. */
    Optional<DomainInventory> read(Domain d) throws LibvirtException {
        try {
            String uuid = d.getUUIDString();
            String name = d.getName();
            DomainInfo info = d.getInfo();
            long readAt = System.nanoTime();
            DomainRunState state = DomainRunState.of(info.state);
            long currentMib = info.memory / 1024;
            Map<Integer, Long> stats = state == DomainRunState.SHUTOFF ? Map.of() : memoryStats(d);
            GuestMemory.Used used = GuestMemory.of(stats, currentMib);
            return Optional.of(new DomainInventory(uuid, name, state, info.nrVirtCpu, info.maxMem / 1024,
                    currentMib, info.cpuTime, readAt, used.mib(), used.source()));
        } catch (LibvirtException e) {
            if (LibvirtErrors.domainVanished(e)) {
                return Optional.empty();
            }
            throw e;
        } finally {
            try {
                d.free();
            } catch (LibvirtException ignored) {
                // the handle is gone either way
            }
        }
    }

    @Override
    public synchronized void close() {
        disconnect();
    }

    private Map<Integer, Long> memoryStats(Domain d) throws LibvirtException {
        try {
            Map<Integer, Long> stats = new HashMap<>();
            for (MemoryStatistic s : d.memoryStats(GuestMemory.ALL)) {
                stats.put(s.getTag(), s.getValue());
            }
            return stats;
        } catch (LibvirtException e) {
            // stopped between getInfo and here, or a driver without statistics: use the allocation
            if (LibvirtErrors.notRunningOrUnsupported(e)) {
                return Map.of();
            }
            throw e;
        }
    }

    private Connect connection() throws LibvirtException {
        if (connection != null) {
            boolean alive;
            try {
                alive = connection.isConnected() && connection.isAlive();
            } catch (LibvirtException e) {
                alive = false;
            }
            if (!alive) {
                disconnect();
            }
        }
        if (connection == null) {
            connection = opener.open(uri);
        }
        return connection;
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (LibvirtException ignored) {
                // a broken connection may not close cleanly; it is dropped either way
            }
            connection = null;
        }
    }
}
