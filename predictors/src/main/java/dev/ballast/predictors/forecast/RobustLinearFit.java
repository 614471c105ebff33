package dev.ballast.predictors.forecast;

import java.util.Arrays;

/**
 * Robust local linear regression over a short window, as loess does it at the window's newest point: tricube
 * weights by distance from the newest sample, a weighted least-squares line, then bisquare re-weighting of the
 * residuals (Cleveland 1979) to shed outliers. This is the fit Beloglazov and Buyya (CCPE 2012) extrapolate one
 * step ahead for their LR/LRR overload detectors. Commons Math's LoessInterpolator only smooths inside the data
 * (it cannot extrapolate), so the line is fitted here in closed form.
 *
 * @param intercept the fitted value at x = 0 (the oldest sample of the window)
 * @param slope     the change per interval
 */
public record RobustLinearFit(double intercept, double slope) {

    /** Fits {@code y[from..to)} at x = 0..m-1 with {@code robustnessIterations} bisquare re-weightings. */
    public static RobustLinearFit of(double[] y, int from, int to, int robustnessIterations) {
        int m = to - from;
        if (m < 1) {
            throw new IllegalArgumentException("a fit needs at least one sample, was from=" + from + " to=" + to);
        }
        if (m == 1) {
            return new RobustLinearFit(y[from], 0);
        }
        double[] tricube = new double[m];
        for (int i = 0; i < m; i++) {
            // distance from the newest sample over a bandwidth of m, so that even the oldest keeps some weight
            double d = (double) (m - 1 - i) / m;
            double k = 1 - d * d * d;
            tricube[i] = k * k * k;
        }
        double[] robust = new double[m];
        Arrays.fill(robust, 1);
        double[] residuals = new double[m];
        RobustLinearFit fit = weighted(y, from, tricube, robust);
        for (int iteration = 0; iteration < robustnessIterations; iteration++) {
            for (int i = 0; i < m; i++) {
                residuals[i] = Math.abs(y[from + i] - fit.at(i));
            }
            double[] sorted = residuals.clone();
            Arrays.sort(sorted);
            double median = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
            if (median == 0) {
                break; // at least half the points sit on the line: nothing to shed
            }
            for (int i = 0; i < m; i++) {
                double u = residuals[i] / (6 * median);
                robust[i] = u < 1 ? (1 - u * u) * (1 - u * u) : 0;
            }
            fit = weighted(y, from, tricube, robust);
        }
        return fit;
    }

    /** The line's value at x. */
    public double at(double x) {
        return intercept + slope * x;
    }

    private static RobustLinearFit weighted(double[] y, int from, double[] tricube, double[] robust) {
        double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
        for (int i = 0; i < tricube.length; i++) {
            double w = tricube[i] * robust[i];
            double v = y[from + i];
            sw += w;
            swx += w * i;
            swy += w * v;
            swxx += w * i * i;
            swxy += w * i * v;
        }
        if (sw <= 0) {
            return new RobustLinearFit(y[from + tricube.length - 1], 0);
        }
        double denominator = sw * swxx - swx * swx;
        if (Math.abs(denominator) < 1e-12 * sw * sw) {
            return new RobustLinearFit(swy / sw, 0); // weight on a single x: no slope to estimate
        }
        double slope = (sw * swxy - swx * swy) / denominator;
        return new RobustLinearFit((swy - slope * swx) / sw, slope);
    }
}
