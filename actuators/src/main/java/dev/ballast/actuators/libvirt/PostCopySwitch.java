package dev.ballast.actuators.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * libvirt-java 0.5.4 has no binding for virDomainMigrateStartPostCopy, which turns a running pre-copy migration
 * (started with VIR_MIGRATE_POSTCOPY) into post-copy; this calls it directly through JNA on its own connection.
 */
final class PostCopySwitch {
    interface Virt extends Library {
        Pointer virConnectOpen(String uri);

        Pointer virDomainLookupByName(Pointer connection, String name);

        int virDomainMigrateStartPostCopy(Pointer domain, int flags);

        int virDomainFree(Pointer domain);

        int virConnectClose(Pointer connection);
    }

    private static final class Holder {
        static final Virt VIRT = Native.load("virt", Virt.class);
    }

    private PostCopySwitch() {
    }

    /** Returns true when libvirt accepted the switch. */
    static boolean start(String uri, String domainName) {
        Virt virt = Holder.VIRT;
        Pointer connection = virt.virConnectOpen(uri);
        if (connection == null) {
            return false;
        }
        try {
            Pointer domain = virt.virDomainLookupByName(connection, domainName);
            if (domain == null) {
                return false;
            }
            try {
                return virt.virDomainMigrateStartPostCopy(domain, 0) == 0;
            } finally {
                virt.virDomainFree(domain);
            }
        } finally {
            virt.virConnectClose(connection);
        }
    }
}
