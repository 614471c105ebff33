package dev.ballast.scheduler.planning.bench;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.simulation.WorkloadGenerator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded synthetic cluster for the placement benchmark: identical hosts (32 cores, 256 GiB), VMs from the
 * simulator's size menu with demand from the collectors' {@link WorkloadGenerator} at the afternoon peak, placed at
 * random (so there is real consolidation and balancing work), plus hot spots: 2 % of the hosts get extra busy VMs
 * until their CPU demand is above the hot threshold, which makes the starting placement infeasible.
 */
public record SyntheticCluster(ClusterSnapshot snapshot, Map<VmId, Resources> demand) {
    public static final Resources HOST_CAPACITY = new Resources(32, 256 * 1024);
    public static final PowerModel HOST_POWER = PowerModel.of(120, 150, 168, 184, 198, 212, 228, 246, 266, 286, 300);
    private static final Resources[] MENU = {
            new Resources(1, 2048), new Resources(2, 4096), new Resources(4, 8192),
            new Resources(8, 16384), new Resources(2, 16384), new Resources(4, 4096)};
    private static final Instant AT = Instant.parse("2026-01-05T14:00:00Z");

    public static SyntheticCluster generate(int hostCount, int vmCount, long seed) {
        if (hostCount < 1 || vmCount < 0) {
            throw new IllegalArgumentException("need at least one host and no negative VM count, was " + hostCount + " hosts, " + vmCount + " VMs");
        }
        SplittableRandom random = new SplittableRandom(seed);
        WorkloadGenerator workload = new WorkloadGenerator(seed, Duration.ofMinutes(5));
        List<Host> hosts = new ArrayList<>(hostCount);
        for (int h = 0; h < hostCount; h++) {
            hosts.add(new Host(HostId.of(String.format("host-%05d", h + 1)), HOST_CAPACITY, HostState.ON, HOST_POWER,
                    Map.of("rack", "rack-" + (h / 20 + 1))));
        }
        double[] memory = new double[hostCount];
        double[] cpu = new double[hostCount];
        int hotCount = Math.max(1, hostCount / 50);
        List<Vm> vms = new ArrayList<>(vmCount);
        Map<VmId, Resources> demand = new LinkedHashMap<>();
        for (int i = 0; i < vmCount; i++) {
            Resources size = MENU[random.nextInt(MENU.length)];
            Resources d = workload.demand(i, workload.profileFor(i), size, AT);
            // the first VMs go to the hot hosts until they are over the hot threshold (0.85 by default) on CPU
            int host = -1;
            if (i < vmCount / 5) {
                int hot = random.nextInt(hotCount);
                if (cpu[hot] < HOST_CAPACITY.cpu() * 0.95 && memory[hot] + size.memoryMib() <= HOST_CAPACITY.memoryMib() * 0.9) {
                    host = hot;
                }
            }
            for (int attempt = 0; host < 0 && attempt < 1000; attempt++) {
                int candidate = hotCount + random.nextInt(Math.max(1, hostCount - hotCount)) % hostCount;
                if (memory[candidate] + size.memoryMib() <= HOST_CAPACITY.memoryMib() * 0.9
                        && cpu[candidate] + d.cpu() <= HOST_CAPACITY.cpu() * 0.8) {
                    host = candidate;
                }
            }
            if (host < 0) {
                throw new IllegalArgumentException(vmCount + " VMs do not fit at random on " + hostCount + " hosts of " + HOST_CAPACITY
                        + " (VM " + (i + 1) + " found no room)");
            }
            memory[host] += size.memoryMib();
            cpu[host] += d.cpu();
            VmId id = VmId.of(String.format("vm-%06d", i + 1));
            vms.add(new Vm(id, size, hosts.get(host).id(), 1 + random.nextDouble() * 20, Map.of()));
            demand.put(id, d);
        }
        return new SyntheticCluster(new ClusterSnapshot(AT, hosts, vms), demand);
    }
}
