package dev.ballast.scheduler.benchmark;

import java.util.ArrayList;
import java.util.List;

/** CloudSim's {@code saveAllocation}/{@code restoreAllocation}: VM lists as they were before a policy tried moves. */
final class Tentative {
    private final List<List<SimVm>> saved = new ArrayList<>();
    private final List<SimHost> hosts;

    Tentative(List<SimHost> hosts) {
        this.hosts = hosts;
        for (SimHost host : hosts) {
            List<SimVm> vms = new ArrayList<>();
            for (SimVm vm : host.vms) {
                if (!host.migratingIn.contains(vm)) {
                    vms.add(vm);
                }
            }
            saved.add(vms);
        }
    }

    void restore() {
        for (int i = 0; i < hosts.size(); i++) {
            SimHost host = hosts.get(i);
            host.vms.clear();
            host.vms.addAll(host.migratingIn);
            host.vms.addAll(saved.get(i));
            host.allocate();
        }
    }
}
