package dev.ballast.predictors.host;

import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.predictors.forecast.DemandForecaster;
import dev.ballast.predictors.forecast.Forecast;
import dev.ballast.predictors.hotspot.SpotClassifier;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Host-level outlook: the sum of the forecasts of the VMs placed on the host, each capped at the VM's size (a VM
 * cannot use more than it was given; an overshooting estimator such as FUSD would otherwise over-count), and a VM
 * without history counted at its full size (the safe assumption for a VM that just arrived).
 */
public final class HostForecaster {
    private final DemandForecaster vms;
    private final SpotClassifier classifier;

    public HostForecaster(DemandForecaster vms, SpotClassifier classifier) {
        this.vms = Objects.requireNonNull(vms, "vm demand forecaster");
        this.classifier = Objects.requireNonNull(classifier, "spot classifier");
    }

    public HostOutlook forecast(Host host, Collection<Vm> vmsOnHost) {
        Objects.requireNonNull(host, "host");
        Resources demand = Resources.ZERO;
        int withoutHistory = 0;
        for (Vm vm : vmsOnHost) {
            if (!vm.host().equals(host.id())) {
                throw new IllegalArgumentException("vm " + vm.id() + " runs on " + vm.host() + ", not on " + host.id());
            }
            Optional<Forecast> f = vms.forecastVm(vm.id());
            if (f.isEmpty()) {
                withoutHistory++;
            }
            demand = demand.plus(f.map(x -> x.expected().min(vm.size())).orElse(vm.size()));
        }
        var utilization = demand.utilizationOf(host.capacity());
        return new HostOutlook(host.id(), demand, utilization, classifier.classify(utilization), withoutHistory);
    }
}
