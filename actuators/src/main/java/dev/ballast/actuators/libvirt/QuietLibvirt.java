package dev.ballast.actuators.libvirt;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * libvirt prints every error to stderr by default, including the expected ones (a domain that just left, a host
 * that is down). libvirt-java raises them as exceptions anyway, so the process-wide printer is replaced once by a
 * silent one.
 */
final class QuietLibvirt {
    /** Held here for the life of the process: libvirt keeps a native pointer to it. */
    private static final org.libvirt.jna.Libvirt.VirErrorCallback SILENT = (userData, error) -> { };
    private static volatile boolean installed;

    private QuietLibvirt() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Connect.setErrorCallback(SILENT);
            installed = true;
        } catch (LibvirtException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            System.getLogger(QuietLibvirt.class.getName()).log(System.Logger.Level.DEBUG, "libvirt errors stay on stderr: " + e);
        }
    }
}
