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
        long[] times = new long[observations.size()];
        double[] values = new double[observations.size()];
        for (int i = 0; i < times.length; i++) {
            Observation o = observations.get(i);
            times[i] = toMicros(o.at());
            values[i] = o.value();
        }
        return clean(times, values);
    }

    /**
     * Cleans readings given as parallel arrays: {@code epochMicros[i]} is when {@code values[i]} was read (any
     * order). Primitive arrays keep a control step over thousands of VMs cheap.
     */
    public CleanSeries clean(long[] epochMicros, double[] values) {
        return clean(epochMicros, values, Integer.MAX_VALUE);
    }

    /**
     * As {@link #clean(long[], double[])}, keeping only the newest {@code maxValues} intervals: the walk back from
     * the newest reading stops there, so an estimator that reads 40 samples does not pay for cleaning 576. The
     * interpolation and cut counts then cover the part walked.
     */
    public CleanSeries clean(long[] epochMicros, double[] values, int maxValues) {
        if (maxValues < 1) {
            throw new IllegalArgumentException("maxValues must be >= 1, was " + maxValues);
        }
        Objects.requireNonNull(epochMicros, "times");
        Objects.requireNonNull(values, "values");
        if (epochMicros.length != values.length) {
            throw new IllegalArgumentException("need one time per value, was " + epochMicros.length + " times for "
                    + values.length + " values");
        }
        int nonFinite = 0;
        int negative = 0;
        int outOfOrder = 0;
        boolean sorted = true;
        long[] t = new long[values.length];
        double[] v = new double[values.length];
        int n = 0;
        long latestSeen = Long.MIN_VALUE;
        for (int i = 0; i < values.length; i++) {
            if (epochMicros[i] < latestSeen) {
                outOfOrder++;
            } else {
                latestSeen = epochMicros[i];
            }
            double value = values[i];
            if (!Double.isFinite(value)) {
                nonFinite++;
            } else if (value < 0) {
                negative++;
            } else {
                if (n > 0 && epochMicros[i] < t[n - 1]) {
                    sorted = false;
                }
                t[n] = epochMicros[i];
                v[n] = value;
                n++;
            }
        }
        if (n == 0) {
            return new CleanSeries(new double[0], null, new CleaningReport(nonFinite, negative, outOfOrder, 0, 0, 0), true);
        }
        if (!sorted) {
            sortByTime(t, v, n);
        }
        long newest = t[n - 1];
        double perMicro = 1000.0 / step.toNanos();
        // walk back from the newest: average readings of one interval, interpolate short gaps, cut at a long one
        double[] newestFirst = new double[Math.min(n, maxValues) + 8];
        int size = 0;
        int sameInterval = 0;
        int interpolated = 0;
        int cutBeforeGap = 0;
        long previousSlot = -1;
        int i = n - 1;
        long nextSlot = Math.round((newest - t[i]) * perMicro);
        while (i >= 0 && size < maxValues) {
            long slot = nextSlot;
            double sum = v[i];
            int count = 1;
            i--;
            while (i >= 0 && (nextSlot = Math.round((newest - t[i]) * perMicro)) == slot) {
                sum += v[i];
                count++;
                i--;
            }
            sameInterval += count - 1;
            double value = sum / count;
            if (previousSlot >= 0) {
                long missing = slot - previousSlot - 1;
                if (missing > maxInterpolatedGap) {
                    cutBeforeGap = count + i + 1;
                    break;
                }
                double later = newestFirst[size - 1];
                for (long k = 1; k <= missing; k++) {
                    newestFirst = ensure(newestFirst, size + 1);
                    newestFirst[size++] = later + (value - later) * k / (missing + 1);
                    interpolated++;
                }
            }
            newestFirst = ensure(newestFirst, size + 1);
            newestFirst[size++] = value;
            previousSlot = slot;
        }
        size = Math.min(size, maxValues);
        double[] out = new double[size];
        for (int k = 0; k < size; k++) {
            out[k] = newestFirst[size - 1 - k];
        }
        return new CleanSeries(out, Instant.EPOCH.plus(newest, java.time.temporal.ChronoUnit.MICROS),
                new CleaningReport(nonFinite, negative, outOfOrder, sameInterval, interpolated, cutBeforeGap), i < 0 && cutBeforeGap == 0);
    }

    static long toMicros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    private static double[] ensure(double[] array, int size) {
        return size <= array.length ? array : java.util.Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    /** Stable sort of the first n (time, value) pairs by time; only reached when readings arrived out of order. */
    private static void sortByTime(long[] t, double[] v, int n) {
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong(k -> t[k]));
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int k = 0; k < n; k++) {
            ts[k] = t[order[k]];
            vs[k] = v[order[k]];
        }
        System.arraycopy(ts, 0, t, 0, n);
        System.arraycopy(vs, 0, v, 0, n);
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
