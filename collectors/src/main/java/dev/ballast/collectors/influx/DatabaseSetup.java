package dev.ballast.collectors.influx;

import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.time.Duration;
import java.util.List;

/**
 * Creates the database and the retention policy of {@link InfluxSettings} when missing, alters the policy when its
 * duration differs, and makes it the database default. Safe to run again after InfluxDB restarts.
 */
final class DatabaseSetup {
    private final InfluxSettings settings;

    DatabaseSetup(InfluxSettings settings) {
        this.settings = settings;
    }

    void run(InfluxDB influx) {
        String db = quoted(settings.database());
        String rp = quoted(settings.retentionPolicy());
        String duration = influxDuration(settings.retention());
        execute(influx, "CREATE DATABASE " + db);
        boolean exists = false;
        QueryResult policies = execute(influx, "SHOW RETENTION POLICIES ON " + db);
        for (QueryResult.Result r : policies.getResults()) {
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : r.getSeries()) {
                int name = s.getColumns().indexOf("name");
                for (List<Object> row : s.getValues()) {
                    exists |= settings.retentionPolicy().equals(row.get(name));
                }
            }
        }
        String verb = exists ? "ALTER" : "CREATE";
        execute(influx, verb + " RETENTION POLICY " + rp + " ON " + db + " DURATION " + duration
                + " REPLICATION 1 DEFAULT");
    }

    static String influxDuration(Duration retention) {
        return retention.isZero() ? "INF" : retention.toHours() + "h";
    }

    private QueryResult execute(InfluxDB influx, String command) {
        QueryResult result = influx.query(new Query(command, settings.database()));
        String error = result.getError();
        if (error == null && result.getResults() != null) {
            error = result.getResults().stream().map(QueryResult.Result::getError)
                    .filter(e -> e != null).findFirst().orElse(null);
        }
        if (error != null) {
            throw new InfluxDBException("InfluxDB at " + settings.url() + " refused '" + command + "': " + error);
        }
        return result;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier + "\"";
    }
}
