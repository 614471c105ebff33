package dev.ballast.collectors.collection;

import dev.ballast.collectors.cluster.HostId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A source (a libvirt host URI) that could not be read this round. Its host, when it was read before, stays in the
 * snapshot with its last known VMs, but gets no usage samples until it answers again.
 *
 * @param source   what was configured, e.g. the libvirt URI
 * @param lastHost the host it described when it last answered; empty when it never answered
 * @param reason   why it could not be read
 * @param since    when it stopped answering
 */
public record StaleSource(String source, Optional<HostId> lastHost, String reason, Instant since) {
    public StaleSource {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lastHost, "lastHost");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }
}
