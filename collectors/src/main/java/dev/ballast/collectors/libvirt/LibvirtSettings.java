package dev.ballast.collectors.libvirt;

import dev.ballast.collectors.cluster.PowerModel;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which libvirt hosts to watch and how often.
 *
 * @param hostUris    libvirt connection URIs, used as given ({@code qemu+ssh://root@kvm1/system},
 *                    {@code qemu+tls://kvm2/system}, {@code qemu+unix:///system?socket=...}, {@code test:///default})
 * @param interval    time between collection rounds
 * @param scanTimeout a host whose scan takes longer is marked stale for the round (a hung TCP connection must not
 *                    hold up the others)
 * @param power       the power model given to every host (libvirt does not report one)
 */
public record LibvirtSettings(List<String> hostUris, Duration interval, Duration scanTimeout, PowerModel power) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    /** A typical 2-socket server: 120 W idle, 300 W at full load, until a host's own model is configured. */
    public static final PowerModel DEFAULT_POWER = PowerModel.linear(120, 300);

    public LibvirtSettings {
        Objects.requireNonNull(hostUris, "hostUris");
        if (hostUris.isEmpty()) {
            throw new IllegalArgumentException("at least one libvirt host URI is needed");
        }
        Set<String> seen = new HashSet<>();
        for (String uri : hostUris) {
            if (uri == null || uri.isBlank() || !uri.contains(":")) {
                throw new IllegalArgumentException("libvirt host URI must look like driver[+transport]://[host]/path, was '"
                        + uri + "'");
            }
            if (!seen.add(uri)) {
                throw new IllegalArgumentException("libvirt host URI '" + uri + "' is listed twice");
            }
        }
        hostUris = List.copyOf(hostUris);
        requirePositive("interval", interval);
        requirePositive("scanTimeout", scanTimeout);
        Objects.requireNonNull(power, "power");
    }

    /** The scan timeout defaults to the interval. */
    public LibvirtSettings(List<String> hostUris, Duration interval) {
        this(hostUris, interval, interval, DEFAULT_POWER);
    }

    private static void requirePositive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0, was " + d);
        }
    }
}
