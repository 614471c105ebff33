package dev.ballast.collectors.libvirt;

import java.time.Instant;
import java.util.List;

/** A successful scan of one host: its inventory and every domain defined or running on it. */
public record HostScan(HostInventory host, List<DomainInventory> domains, Instant takenAt) {
    public HostScan {
        domains = List.copyOf(domains);
    }
}
