package dev.ballast.scheduler.sequencing;

import dev.ballast.collectors.cluster.VmId;

/** What a VM weighs on a host while it runs there or migrates to it: CPU demand (milli-cores) and memory (MiB). */
public record VmLoad(VmId id, long cpu, long memory) {
}
