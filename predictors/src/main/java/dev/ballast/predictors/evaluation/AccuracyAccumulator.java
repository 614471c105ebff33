package dev.ballast.predictors.evaluation;

import dev.ballast.predictors.forecast.ForecastLoss;

/** Sums the errors of one estimator; merge accumulators of different VMs (or threads) with {@link #add(AccuracyAccumulator)}. */
final class AccuracyAccumulator {
    private static final double TOLERANCE = 1e-9;
    private static final ForecastLoss SLA = ForecastLoss.slaWeighted();

    private long n;
    private double absolute;
    private double squared;
    private long under;
    private double over;
    private long peaks;
    private long peaksCaptured;
    private double slaCost;

    void add(double forecast, double actual, boolean peak) {
        double error = forecast - actual;
        n++;
        absolute += Math.abs(error);
        squared += error * error;
        if (error < -TOLERANCE) {
            under++;
        } else if (error > 0) {
            over += error;
        }
        if (peak) {
            peaks++;
            if (error >= -TOLERANCE) {
                peaksCaptured++;
            }
        }
        slaCost += SLA.cost(forecast, actual);
    }

    void add(AccuracyAccumulator other) {
        n += other.n;
        absolute += other.absolute;
        squared += other.squared;
        under += other.under;
        over += other.over;
        peaks += other.peaks;
        peaksCaptured += other.peaksCaptured;
        slaCost += other.slaCost;
    }

    AccuracyMetrics metrics() {
        if (n == 0) {
            return new AccuracyMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new AccuracyMetrics(n, absolute / n, Math.sqrt(squared / n), (double) under / n, over / n,
                peaks == 0 ? Double.NaN : (double) peaksCaptured / peaks, slaCost / n);
    }
}
