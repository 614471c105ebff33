package dev.ballast.actuators.libvirt;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

/**
 * What one finished migration cost (and whether a POST_COPY migration did switch to post-copy): wall time seen by Ballast, libvirt's own elapsed time and downtime (-1 when the
 * hypervisor did not report it) and the bytes it moved.
 */
public record MigrationResult(VmId vm, HostId source, HostId target, MigrationMode mode, boolean switchedToPostCopy, long wallMillis,
                              long jobMillis, long downtimeMillis, long dataProcessedBytes, long memoryProcessedBytes) {
}
