package dev.ballast.collectors.libvirt;

/** Where a domain's memory usage figure came from, best first. */
public enum MemorySource {
    /** The guest's balloon driver: available minus usable (or unused) memory, as the guest sees it. */
    BALLOON,
    /** The resident set of the QEMU process on the host (no balloon statistics): an upper bound. */
    RSS,
    /** Neither was available (the domain is not running, or the driver has no statistics): its allocation. */
    ALLOCATION
}
