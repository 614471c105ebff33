package dev.ballast.scheduler.cluster;

import dev.ballast.collectors.cluster.ClusterSnapshot;

/** Where the scheduler learns which hosts and VMs exist and where each VM runs now. */
public interface ClusterInventory {
    ClusterSnapshot snapshot();
}
