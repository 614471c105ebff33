package dev.ballast.predictors.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Turns raw readings into a regular series an estimator can trust. The rules, each counted in the
 * {@link CleaningReport}:
 * <ul>
 *   <li><b>NaN / infinite</b>: skipped — the reading carries nothing; the interval becomes missing.</li>
 *   <li><b>negative</b>: skipped — usage cannot be negative (a counter reset or wrap); the interval becomes
 *       missing.</li>
 *   <li><b>out of order</b>: put back in time order (collectors retry and batch; arrival order means nothing).</li>
 *   <li><b>two readings in one interval</b> (duplicates, jitter): averaged.</li>
 *   <li><b>missing intervals (gaps)</b>: up to {@code maxInterpolatedGap} consecutive missing intervals are filled
 *       by linear interpolation between their neighbours; a longer gap cuts the history — everything before it is
 *       dropped, since a VM that was silent for that long (powered off, migrated, a collector outage) may have
 *       changed behaviour, and interpolating across hours would invent data.</li>
 * </ul>
 * The grid is anchored on the newest valid reading: interval k covers the readings closest to
 * {@code newest - k·step}. Staleness (the newest reading being old) is not the cleaner's call: it is
 * {@link Forecast#staleAt}, judged by the caller against its clock.
 */
public final class SeriesCleaner {
    private final Duration step;
    private final int maxInterpolatedGap;

    public SeriesCleaner(Duration step, int maxInterpolatedGap) {
        Objects.requireNonNull(step, "step");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        if (maxInterpolatedGap < 0) {
            throw new IllegalArgumentException("maxInterpolatedGap must be >= 0 intervals, was " + maxInterpolatedGap);
        }
        this.step = step;
        this.maxInterpolatedGap = maxInterpolatedGap;
    }

    /** 5-minute intervals; gaps of up to 3 missing intervals (15 minutes) are interpolated. */
    public static SeriesCleaner defaults() {
        return new SeriesCleaner(Duration.ofSeconds(300), 3);
    }

    public Duration step() {
        return step;
    }

    public int maxInterpolatedGap() {
        return maxInterpolatedGap;
    }

    /** Cleans timestamped readings, in any order. */
    public CleanSeries clean(List<Observation> observations) {
        Objects.requireNonNull(observations, "observations");
        int nonFinite = 0;
        int negative = 0;
        int outOfOrder = 0;
        List<Observation> valid = new ArrayList<>(observations.size());
        Instant latestSeen = null;
        for (Observation o : observations) {
            if (latestSeen != null && o.at().isBefore(latestSeen)) {
                outOfOrder++;
            } else {
                latestSeen = o.at();
            }
            if (!Double.isFinite(o.value())) {
                nonFinite++;
            } else if (o.value() < 0) {
                negative++;
            } else {
                valid.add(o);
            }
        }
        if (valid.isEmpty()) {
            return new CleanSeries(new double[0], null, new CleaningReport(nonFinite, negative, outOfOrder, 0, 0, 0));
        }
        valid.sort(Comparator.comparing(Observation::at));
        Instant newest = valid.getLast().at();
        long stepNanos = step.toNanos();
        // intervals back from the newest, newest first
        List<long[]> slots = new ArrayList<>();
        List<double[]> sums = new ArrayList<>();
        int sameInterval = 0;
        for (int i = valid.size() - 1; i >= 0; i--) {
            Observation o = valid.get(i);
            long back = Math.round((double) Duration.between(o.at(), newest).toNanos() / stepNanos);
            if (!slots.isEmpty() && slots.getLast()[0] == back) {
                double[] acc = sums.getLast();
                acc[0] += o.value();
                acc[1]++;
                sameInterval++;
            } else {
                slots.add(new long[] {back});
                sums.add(new double[] {o.value(), 1});
            }
        }
        // walk back from the newest, interpolating short gaps and cutting at a long one
        List<Double> newestFirst = new ArrayList<>();
        int interpolated = 0;
        int cutBeforeGap = 0;
        newestFirst.add(sums.getFirst()[0] / sums.getFirst()[1]);
        for (int s = 1; s < slots.size(); s++) {
            long missing = slots.get(s)[0] - slots.get(s - 1)[0] - 1;
            double value = sums.get(s)[0] / sums.get(s)[1];
            if (missing > maxInterpolatedGap) {
                for (int r = s; r < sums.size(); r++) {
                    cutBeforeGap += (int) sums.get(r)[1];
                }
                break;
            }
            double later = newestFirst.getLast();
            for (long k = 1; k <= missing; k++) {
                newestFirst.add(later + (value - later) * k / (missing + 1));
                interpolated++;
            }
            newestFirst.add(value);
        }
        double[] values = new double[newestFirst.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = newestFirst.get(values.length - 1 - i);
        }
        return new CleanSeries(values, newest,
                new CleaningReport(nonFinite, negative, outOfOrder, sameInterval, interpolated, cutBeforeGap));
    }

    /**
     * Cleans a series already on the grid (one value per interval, oldest first) in which NaN, infinite or
     * negative values mark missing intervals; the same gap rules apply. The newest time is not known here.
     */
    public double[] cleanRegular(double[] raw) {
        Objects.requireNonNull(raw, "series");
        List<Observation> observations = new ArrayList<>(raw.length);
        Instant t = Instant.EPOCH;
        for (double v : raw) {
            observations.add(new Observation(t, v));
            t = t.plus(step);
        }
        return clean(observations).values();
    }
}
