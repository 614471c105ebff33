package dev.ballast.predictors.forecast;

/**
 * Robust local regression (Beloglazov and Buyya, CCPE 2012): a {@link RobustLinearFit} over the last
 * {@code window} samples, projected {@code h} intervals past the newest and multiplied by {@code safety}. With
 * safety 1 it is an unbiased trend forecast; with the paper's 1.2 it deliberately over-provisions.
 */
public record LocalRegression(int window, double safety, int robustnessIterations) implements Estimator {
    public LocalRegression {
        if (window < 2) {
            throw new IllegalArgumentException("window must be >= 2 samples to fit a line, was " + window);
        }
        if (!Double.isFinite(safety) || safety <= 0) {
            throw new IllegalArgumentException("safety must be > 0, was " + safety);
        }
        if (robustnessIterations < 0) {
            throw new IllegalArgumentException("robustnessIterations must be >= 0, was " + robustnessIterations);
        }
    }

    /** The paper's: last 10 samples, safety 1.2, robust (two bisquare iterations, as loess does by default). */
    public static LocalRegression beloglazovBuyya() {
        return new LocalRegression(10, 1.2, 2);
    }

    /** The same fit without the safety factor: a plain trend forecast. */
    public static LocalRegression unscaled() {
        return new LocalRegression(10, 1.0, 2);
    }

    @Override
    public String name() {
        return safety == 1.0 ? "loess(" + window + ")" : "loess(" + window + ")x" + safety;
    }

    @Override
    public int lookback() {
        return window;
    }

    @Override
    public double next(double[] history) {
        return forecast(history, 1)[0];
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        Histories.requireHorizon(horizon);
        int from = Histories.tailStart(history, window);
        RobustLinearFit fit = RobustLinearFit.of(history, from, history.length, robustnessIterations);
        int newest = history.length - from - 1;
        double[] out = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            out[h - 1] = Math.max(0, safety * fit.at(newest + h));
        }
        return out;
    }
}
