package dev.ballast.scheduler.benchmark;

import dev.ballast.predictors.forecast.DefaultEstimator;
import dev.ballast.predictors.forecast.Estimator;

import java.util.HashMap;
import java.util.Map;

/**
 * What a policy that forecasts knows about each VM: the CPU utilization it observed at each decision (the
 * world's "collect" step), and the predictors' default estimator over that history (the "forecast" step).
 */
final class VmDemandForecasts {
    private final Estimator estimator;
    private final int keep;
    private final Map<SimVm, double[]> histories = new HashMap<>();
    private final Map<SimVm, Integer> lengths = new HashMap<>();

    VmDemandForecasts() {
        this(DefaultEstimator.create());
    }

    VmDemandForecasts(Estimator estimator) {
        this.estimator = estimator;
        this.keep = Math.max(1, Math.min(estimator.lookback(), 288));
    }

    String estimatorName() {
        return estimator.name();
    }

    /** Records each placed VM's utilization now (requested ÷ its MIPS). */
    void observe(SimulatedWorld world) {
        for (SimVm vm : world.vms()) {
            if (vm.host == null) {
                continue;
            }
            double[] h = histories.computeIfAbsent(vm, v -> new double[keep]);
            int n = lengths.getOrDefault(vm, 0);
            double u = Math.min(1, vm.requestedMips / vm.mips());
            if (n < keep) {
                h[n++] = u;
            } else {
                System.arraycopy(h, 1, h, 0, keep - 1);
                h[keep - 1] = u;
            }
            lengths.put(vm, n);
        }
    }

    /** The VM's expected utilization over the next interval (its current one if never observed). */
    double expectedUtilization(SimVm vm) {
        Integer n = lengths.get(vm);
        if (n == null || n == 0) {
            return Math.min(1, vm.requestedMips / vm.mips());
        }
        double[] h = histories.get(vm);
        double[] tail = n == h.length ? h : java.util.Arrays.copyOf(h, n);
        return Math.min(1, Math.max(0, estimator.next(tail)));
    }

    double expectedMips(SimVm vm) {
        return expectedUtilization(vm) * vm.mips();
    }
}
