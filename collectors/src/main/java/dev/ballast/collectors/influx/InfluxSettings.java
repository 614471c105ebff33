package dev.ballast.collectors.influx;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link InfluxMetricStore} keeps usage history in an InfluxDB 1.x server.
 *
 * @param url                 the server's HTTP API, e.g. {@code http://127.0.0.1:8086}
 * @param database            created on start when missing
 * @param username            blank when the server has no authentication
 * @param password            ignored when {@code username} is blank
 * @param retentionPolicy     created (or altered to {@code retention}) on start, and made the database default
 * @param retention           how long points are kept; {@link Duration#ZERO} keeps them forever, else at least 1 h
 *                            (InfluxDB's minimum), whole hours
 * @param cluster             the value of the {@code cluster} tag on every point, so several clusters share a database
 * @param batchSize           points per HTTP write
 * @param bufferCapacity      points held while the server is slow or down; beyond it the oldest are dropped
 * @param initialBackoff      first wait after a failed write; doubled after each further failure
 * @param maxBackoff          the longest wait between retries
 */
public record InfluxSettings(String url, String database, String username, String password, String retentionPolicy,
                             Duration retention, String cluster, int batchSize, int bufferCapacity,
                             Duration initialBackoff, Duration maxBackoff) {
    public static final String DEFAULT_DATABASE = "ballast";
    public static final String DEFAULT_RETENTION_POLICY = "ballast_30d";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final String DEFAULT_CLUSTER = "default";
    public static final int DEFAULT_BATCH_SIZE = 5_000;
    /** Ten intervals of a 10,000-VM cluster. */
    public static final int DEFAULT_BUFFER_CAPACITY = 100_000;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    public InfluxSettings {
        Objects.requireNonNull(url, "InfluxDB url");
        URI parsed;
        try {
            parsed = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("InfluxDB url is not a URI: '" + url + "'", e);
        }
        if (!("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) || parsed.getHost() == null) {
            throw new IllegalArgumentException("InfluxDB url must be http(s)://host[:port], was '" + url + "'");
        }
        requireName("database", database);
        requireName("retentionPolicy", retentionPolicy);
        requireName("cluster", cluster);
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        Objects.requireNonNull(retention, "retention");
        if (!retention.isZero() && (retention.compareTo(Duration.ofHours(1)) < 0
                || !retention.equals(Duration.ofHours(retention.toHours())))) {
            throw new IllegalArgumentException(
                    "retention must be 0 (forever) or whole hours of at least 1 h, was " + retention);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        if (bufferCapacity < batchSize) {
            throw new IllegalArgumentException("bufferCapacity must be >= batchSize (" + batchSize + "), was "
                    + bufferCapacity);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be > 0, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must be >= initialBackoff ("
                    + initialBackoff + ")");
        }
    }

    /** The defaults above for a server at {@code url}, without authentication. */
    public static InfluxSettings of(String url) {
        return new InfluxSettings(url, DEFAULT_DATABASE, "", "", DEFAULT_RETENTION_POLICY, DEFAULT_RETENTION,
                DEFAULT_CLUSTER, DEFAULT_BATCH_SIZE, DEFAULT_BUFFER_CAPACITY, DEFAULT_INITIAL_BACKOFF,
                DEFAULT_MAX_BACKOFF);
    }

    public InfluxSettings withDatabase(String newDatabase) {
        return new InfluxSettings(url, newDatabase, username, password, retentionPolicy, retention, cluster,
                batchSize, bufferCapacity, initialBackoff, maxBackoff);
    }

    public InfluxSettings withCluster(String newCluster) {
        return new InfluxSettings(url, database, username, password, retentionPolicy, retention, newCluster,
                batchSize, bufferCapacity, initialBackoff, maxBackoff);
    }

    public InfluxSettings withBuffering(int newBatchSize, int newBufferCapacity) {
        return new InfluxSettings(url, database, username, password, retentionPolicy, retention, cluster,
                newBatchSize, newBufferCapacity, initialBackoff, maxBackoff);
    }

    public InfluxSettings withBackoff(Duration newInitial, Duration newMax) {
        return new InfluxSettings(url, database, username, password, retentionPolicy, retention, cluster,
                batchSize, bufferCapacity, newInitial, newMax);
    }

    public InfluxSettings withCredentials(String newUsername, String newPassword) {
        return new InfluxSettings(url, database, newUsername, newPassword, retentionPolicy, retention, cluster,
                batchSize, bufferCapacity, initialBackoff, maxBackoff);
    }

    public InfluxSettings withRetention(String newPolicy, Duration newRetention) {
        return new InfluxSettings(url, database, username, password, newPolicy, newRetention, cluster,
                batchSize, bufferCapacity, initialBackoff, maxBackoff);
    }

    public boolean hasCredentials() {
        return !username.isBlank();
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "InfluxSettings[url=" + url + ", database=" + database + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "***") + ", retentionPolicy=" + retentionPolicy
                + ", retention=" + retention + ", cluster=" + cluster + ", batchSize=" + batchSize
                + ", bufferCapacity=" + bufferCapacity + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + "]";
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, was '" + value + "'");
        }
        if (value.chars().anyMatch(c -> c == '"' || c == '\n' || c == '\\')) {
            throw new IllegalArgumentException(what + " must not contain quotes, backslashes or newlines, was '"
                    + value + "'");
        }
    }
}
