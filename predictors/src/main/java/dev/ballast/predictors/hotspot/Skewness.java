package dev.ballast.predictors.hotspot;

/**
 * Unevenness of a host's use of its resources (Xiao, Song, Chen, TPDS 2013):
 * {@code sqrt( sum_i (r_i / r_mean - 1)^2 )}. Zero when all resources are equally used; grows as one resource
 * becomes the bottleneck while others sit idle.
 */
public final class Skewness {
    private Skewness() {
    }

    /** The skewness of the given utilizations; 0 when their mean is 0. */
    public static double of(double... utilizations) {
        if (utilizations == null || utilizations.length == 0) {
            throw new IllegalArgumentException("skewness needs at least one utilization, was "
                    + (utilizations == null ? "null" : "empty"));
        }
        double sum = 0;
        for (double u : utilizations) {
            if (!Double.isFinite(u) || u < 0) {
                throw new IllegalArgumentException("utilizations must be finite and >= 0, was " + u);
            }
            sum += u;
        }
        double mean = sum / utilizations.length;
        if (mean == 0) {
            return 0;
        }
        double squares = 0;
        for (double u : utilizations) {
            double d = u / mean - 1;
            squares += d * d;
        }
        return Math.sqrt(squares);
    }
}
