package dev.ballast.collectors.influx;

/**
 * Exact counts of the points given to an {@link InfluxMetricStore}: {@code accepted == written + dropped + rejected
 * + pending}.
 *
 * @param accepted every point callers wrote
 * @param written  points InfluxDB stored
 * @param dropped  points thrown away because the buffer was full while InfluxDB was slow or down
 * @param rejected points InfluxDB refused (e.g. older than the retention policy, field type conflict)
 * @param pending  points still in the buffer
 */
public record WriteStats(long accepted, long written, long dropped, long rejected, long pending) {
    /** Points that will never be stored. */
    public long lost() {
        return dropped + rejected;
    }
}
