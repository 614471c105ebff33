package dev.ballast.collectors.collection;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One round of collection: the inventory, the usage measured since the previous round (a VM seen for the first
 * time has no sample yet), and the sources that could not be read.
 */
public record CollectionRound(ClusterSnapshot snapshot, Map<VmId, UsageSample> vmUsage,
                              Map<HostId, UsageSample> hostUsage, List<StaleSource> stale) {
    public CollectionRound {
        Objects.requireNonNull(snapshot, "snapshot");
        vmUsage = Map.copyOf(vmUsage);
        hostUsage = Map.copyOf(hostUsage);
        stale = List.copyOf(stale);
    }

    public boolean isStale(HostId host) {
        return stale.stream().anyMatch(s -> s.lastHost().equals(Optional.of(host)));
    }
}
