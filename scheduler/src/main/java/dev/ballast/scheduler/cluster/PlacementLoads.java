package dev.ballast.scheduler.cluster;

import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Utilization;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.predictors.hotspot.HostTemperature;
import dev.ballast.predictors.hotspot.SpotClassifier;
import dev.ballast.predictors.hotspot.SpotKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes per-host loads and the cluster's KPIs for a placement and a demand, e.g. before and after a plan. */
public final class PlacementLoads {
    private final SpotClassifier classifier;

    public PlacementLoads(SpotClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * @param placement where each VM runs
     * @param demand    each VM's demand (usage or forecast)
     * @param poweredOff hosts that are off in this state, in addition to those the snapshot says are off
     */
    public List<HostLoad> loads(List<Host> hosts, List<Vm> vms, Map<VmId, HostId> placement, Map<VmId, Resources> demand,
                                Set<HostId> poweredOff) {
        return loads(hosts, vms, placement, demand, poweredOff, Set.of());
    }

    /** As above, with hosts that are on in this state although the snapshot says they are off (a plan wakes them). */
    public List<HostLoad> loads(List<Host> hosts, List<Vm> vms, Map<VmId, HostId> placement, Map<VmId, Resources> demand,
                                Set<HostId> poweredOff, Set<HostId> poweredOn) {
        Map<HostId, Resources> sums = new LinkedHashMap<>();
        Map<HostId, Integer> counts = new LinkedHashMap<>();
        hosts.forEach(h -> {
            sums.put(h.id(), Resources.ZERO);
            counts.put(h.id(), 0);
        });
        for (Vm vm : vms) {
            HostId h = placement.getOrDefault(vm.id(), vm.host());
            sums.merge(h, demand.getOrDefault(vm.id(), vm.size()), Resources::plus);
            counts.merge(h, 1, Integer::sum);
        }
        List<HostLoad> loads = new ArrayList<>();
        for (Host h : hosts) {
            HostState state = poweredOff.contains(h.id()) ? HostState.OFF : poweredOn.contains(h.id()) ? HostState.ON : h.state();
            Resources d = sums.get(h.id());
            Utilization u = d.utilizationOf(h.capacity());
            HostTemperature t = classifier.classify(u);
            double watts = state == HostState.OFF ? 0 : h.power().watts(u.cpu());
            loads.add(new HostLoad(h, state, counts.get(h.id()), d, u, t, watts));
        }
        return loads;
    }

    public ClusterKpis kpis(List<HostLoad> loads) {
        int on = 0;
        int vms = 0;
        int hot = 0;
        int cold = 0;
        double maxCpu = 0;
        double maxMem = 0;
        double sumCpu = 0;
        double sumMem = 0;
        double sumSkew = 0;
        int skewed = 0;
        double watts = 0;
        for (HostLoad l : loads) {
            vms += l.vms();
            if (l.state() == HostState.OFF || l.state() == HostState.MAINTENANCE && l.vms() == 0) {
                continue;
            }
            on++;
            maxCpu = Math.max(maxCpu, l.utilization().cpu());
            maxMem = Math.max(maxMem, l.utilization().memory());
            sumCpu += l.utilization().cpu();
            sumMem += l.utilization().memory();
            if (l.vms() > 0) {
                sumSkew += l.temperature().skewness();
                skewed++;
            }
            hot += l.temperature().kind() == SpotKind.HOT ? 1 : 0;
            cold += l.temperature().kind() == SpotKind.COLD ? 1 : 0;
            watts += l.watts();
        }
        return new ClusterKpis(on, loads.size(), vms, maxCpu, on == 0 ? 0 : sumCpu / on, maxMem, on == 0 ? 0 : sumMem / on,
                skewed == 0 ? 0 : sumSkew / skewed, watts, watts * 24 / 1000, hot, cold);
    }
}
