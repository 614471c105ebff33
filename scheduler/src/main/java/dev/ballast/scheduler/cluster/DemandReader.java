package dev.ballast.scheduler.cluster;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.MetricStore;
import dev.ballast.predictors.forecast.DemandForecaster;
import dev.ballast.predictors.forecast.Forecast;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the inventory, each VM's latest usage and its forecast. A VM with no history is planned at its full
 * allocation: without data, the safe assumption is that it may use all it has.
 */
public final class DemandReader {
    private final ClusterInventory inventory;
    private final MetricStore store;
    private final DemandForecaster forecaster;

    public DemandReader(ClusterInventory inventory, MetricStore store, DemandForecaster forecaster) {
        this.inventory = inventory;
        this.store = store;
        this.forecaster = forecaster;
    }

    public Demand read() {
        return read(inventory.snapshot());
    }

    public Demand read(ClusterSnapshot cluster) {
        Map<VmId, Resources> usage = new HashMap<>();
        Map<VmId, Resources> forecast = new HashMap<>();
        List<VmId> ids = cluster.vms().stream().map(Vm::id).toList();
        Map<VmId, List<UsageSample>> latest = store.vmWindows(ids, 1);
        // One bulk read of the windows for all forecasts: with InfluxDB, a query per VM would take seconds.
        Map<VmId, Forecast> forecasts = forecaster.forecastVms(ids);
        Instant newest = null;
        for (Vm vm : cluster.vms()) {
            List<UsageSample> last = latest.getOrDefault(vm.id(), List.of());
            Resources used = last.isEmpty() ? vm.size() : last.get(0).used();
            if (!last.isEmpty() && (newest == null || last.get(0).at().isAfter(newest))) {
                newest = last.get(0).at();
            }
            usage.put(vm.id(), used);
            Forecast f = forecasts.get(vm.id());
            forecast.put(vm.id(), (f == null ? vm.size() : f.expected()).min(vm.size()));
        }
        return new Demand(cluster, usage, forecast, Optional.ofNullable(newest));
    }
}
