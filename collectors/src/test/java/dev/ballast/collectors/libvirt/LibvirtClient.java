package dev.ballast.collectors.libvirt;

import dev.ballast.collectors.testing.ProjectScript;
import org.junit.jupiter.api.Assumptions;

/** Makes sure the libvirt client library is installed (collectors/scripts/libvirt-client-install.sh), or skips. */
public final class LibvirtClient {
    private LibvirtClient() {
    }

    public static void ensureInstalled() throws Exception {
        ProjectScript.Result r = ProjectScript.run("libvirt-client-install.sh");
        Assumptions.assumeTrue(r.rc() == 0, () -> "the libvirt client library (libvirt0) is missing and could not be"
                + " installed (run collectors/scripts/libvirt-client-install.sh as root): " + r.output());
    }
}
