package dev.ballast.scheduler.benchmark;

import dev.ballast.predictors.overload.StaticThreshold;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * LR-MMT: a linear fit over the host's last 10 utilization values, projected past the longest migration,
 * times the safety parameter (1.2); overloaded when that reaches 1. THR 0.7 while the history is shorter.
 *
 * <p>Why not the predictors' {@code LocalRegressionDetector}: CloudSim 3.0.3 computes tricube weights but its
 * {@code MathUtil.createWeigthedLinearRegression} applies them only when 40 % of them are zero, which tricube
 * weights over 10 points never are, so CloudSim's "local regression" is an ordinary least-squares line; and the
 * host's history is rebuilt from the histories of the VMs on it now, so it changes when VMs move. This class
 * reproduces both.
 */
final class LrMmtPolicy extends PabfdPolicy {
    private static final int LENGTH = 10;
    private final double safety;
    private final StaticThreshold fallback = StaticThreshold.cloudSimFallback();

    LrMmtPolicy(double safety) {
        this.safety = safety;
    }

    @Override
    public String name() {
        return "LR-MMT " + safety;
    }

    @Override
    boolean overloaded(SimHost host) {
        double[] history = hostHistory(host);
        if (history.length < LENGTH) {
            return fallback.overloaded(new double[] {host.requestedMips() / host.totalMips()});
        }
        SimpleRegression fit = new SimpleRegression();
        for (int i = 0; i < LENGTH; i++) {
            fit.addData(i + 1, history[LENGTH - i - 1]);
        }
        int maxRam = Integer.MIN_VALUE;
        for (SimVm vm : host.vms) {
            maxRam = Math.max(maxRam, vm.ramMb());
        }
        double migrationIntervals = Math.ceil(maxRam / SimulatedWorld.MIGRATION_MB_PER_SECOND / SimulatedWorld.INTERVAL);
        double predicted = (fit.getIntercept() + fit.getSlope() * (LENGTH + migrationIntervals)) * safety;
        return predicted >= 1;
    }

    /** CloudSim's {@code PowerHostUtilizationHistory.getUtilizationHistory}: most recent first, zero tail trimmed. */
    static double[] hostHistory(SimHost host) {
        double[] history = new double[SimVm.HISTORY_LENGTH];
        for (SimVm vm : host.vms) {
            for (int i = 0; i < vm.history.size(); i++) {
                history[i] += vm.history.get(i) * vm.mips() / host.totalMips();
            }
        }
        int i = history.length - 1;
        while (i >= 0) {
            if (history[i--] != 0) {
                break;
            }
        }
        return java.util.Arrays.copyOfRange(history, 0, i + 2);
    }
}
