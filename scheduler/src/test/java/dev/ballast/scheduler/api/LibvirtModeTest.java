package dev.ballast.scheduler.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service wired to a real libvirt cluster (ballast.cluster.mode=libvirt) through libvirt's built-in test
 * driver: the actuators' libvirt driver reports the inventory and the collectors' loop writes usage. Needs the
 * libvirt client library (the collectors' tests install it); skips with a message when it is absent.
 */
@MicronautTest
@Property(name = "ballast.cluster.mode", value = "libvirt")
@Property(name = "ballast.cluster.hosts", value = "test-host test:///default")
@Property(name = "ballast.cluster.interval", value = "1s")
class LibvirtModeTest {
    @Inject
    @Client("/")
    HttpClient http;

    @BeforeAll
    static void libvirtPresent() {
        boolean present = List.of("/usr/lib/x86_64-linux-gnu/libvirt.so.0", "/usr/lib/libvirt.so.0", "/usr/lib64/libvirt.so.0")
                .stream().anyMatch(p -> new java.io.File(p).exists());
        assumeTrue(present, "libvirt client library (libvirt0) not installed: skipping the libvirt-mode service test");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClusterComesFromLibvirtAndCredentialsAreRequired() {
        ApiClient api = new ApiClient(http);
        assertThat(api.status(HttpRequest.GET("/api/cluster"))).isEqualTo(401);
        Map<String, Object> cluster = api.json(HttpRequest.GET("/api/cluster").bearerAuth("viewer-token"));
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) cluster.get("hosts");
        assertThat(hosts).extracting(h -> h.get("id")).containsExactly("test-host");
        assertThat((List<?>) cluster.get("vms")).isNotEmpty();
    }
}
