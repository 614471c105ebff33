package dev.ballast.scheduler.benchmark;

import dev.ballast.predictors.overload.StaticThreshold;

/** THR-MMT: a host is overloaded when its VMs request more than {@code threshold} of its CPU (0.8 in the paper). */
final class ThrMmtPolicy extends PabfdPolicy {
    private final StaticThreshold detector;

    ThrMmtPolicy(double threshold) {
        this.detector = new StaticThreshold(threshold);
    }

    @Override
    public String name() {
        return "THR-MMT " + detector.threshold();
    }

    @Override
    boolean overloaded(SimHost host) {
        return detector.overloaded(new double[] {host.requestedMips() / host.totalMips()});
    }
}
