package dev.ballast.predictors.forecast;

/**
 * What {@link SeriesCleaner} did to a series, so callers can log or alarm on bad collectors.
 *
 * @param nonFinite    NaN or infinite values skipped
 * @param negative     negative values skipped
 * @param outOfOrder   samples that arrived earlier in time than one before them (put back in time order)
 * @param sameInterval samples that fell into an interval already holding one (averaged with it)
 * @param interpolated missing intervals filled by linear interpolation
 * @param cutBeforeGap valid samples dropped because a gap longer than the limit separates them from the newest
 */
public record CleaningReport(int nonFinite, int negative, int outOfOrder, int sameInterval, int interpolated, int cutBeforeGap) {
    public static final CleaningReport CLEAN = new CleaningReport(0, 0, 0, 0, 0, 0);

    public boolean clean() {
        return equals(CLEAN);
    }
}
