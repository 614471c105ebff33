package dev.ballast.actuators.libvirt;

/** How a live migration copies memory (see {@link MigrationModeRule} for when each is chosen). */
public enum MigrationMode {
    /** Iterative pre-copy: copy everything, then what was dirtied meanwhile, until the rest fits the downtime. */
    PRE_COPY,
    /** Pre-copy in which QEMU throttles the guest's vCPUs when rounds stop shrinking, so it converges. */
    AUTO_CONVERGE,
    /** Pre-copy with pages compressed (XBZRLE delta of re-sent pages): fewer bytes for spare CPU. */
    COMPRESSED,
    /** One pre-copy pass, then the guest runs on the destination and pulls the remaining pages on demand. */
    POST_COPY
}
