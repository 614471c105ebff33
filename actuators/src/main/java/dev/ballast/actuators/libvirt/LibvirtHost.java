package dev.ballast.actuators.libvirt;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.PowerModel;

import java.util.Map;
import java.util.Objects;

/**
 * One hypervisor host: the URI Ballast connects to ({@code qemu+unix:///system?socket=...}, {@code qemu+ssh://...})
 * and the URI the other hosts' libvirtd use to reach it in a peer-to-peer migration ({@code qemu+tcp://host/system}).
 */
public record LibvirtHost(HostId id, String uri, String peerUri, PowerModel power, Map<String, String> labels) {
    public LibvirtHost {
        Objects.requireNonNull(id, "host id");
        Objects.requireNonNull(uri, "libvirt URI of host " + id);
        Objects.requireNonNull(peerUri, "peer URI of host " + id);
        Objects.requireNonNull(power, "power model of host " + id);
        if (!uri.contains("://") || !peerUri.contains("://")) {
            throw new IllegalArgumentException("host " + id + " needs libvirt URIs like qemu+tcp://host/system, was '" + uri + "' and '" + peerUri + "'");
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
