package dev.ballast.scheduler.ha;

import dev.ballast.scheduler.plans.Database;
import dev.ballast.scheduler.plans.StaleLeaderException;
import dev.ballast.scheduler.plans.WriteFence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * A cluster's leader epochs in the shared database. Each new leader bumps the epoch before it acts; every write only
 * a leader may make locks the cluster's row and checks the writer still holds the current epoch. The lock orders
 * the two: a new leader's bump waits for a write in flight, and every write after it sees the new epoch, so a
 * stale leader can never write after its successor has read the journal.
 */
public final class LeaderEpochs implements WriteFence {
    private final Database db;
    private final String cluster;
    private final String instance;
    private final Clock clock;
    private volatile long held;

    public LeaderEpochs(Database db, String cluster, String instance, Clock clock) {
        this.db = db;
        this.cluster = cluster;
        this.instance = instance;
        this.clock = clock;
    }

    /** Makes this instance the cluster's leader in the database: bumps the epoch and holds it; returns it. */
    public long acquire() {
        for (int attempt = 0; ; attempt++) {
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                try {
                    long epoch;
                    Long current = current(c, true);
                    if (current == null) {
                        epoch = 1;
                        try (PreparedStatement s = c.prepareStatement("INSERT INTO ballast_leader (cluster, epoch, holder, since) VALUES (?, ?, ?, ?)")) {
                            s.setString(1, cluster);
                            s.setLong(2, epoch);
                            s.setString(3, instance);
                            s.setTimestamp(4, Timestamp.from(clock.instant()));
                            s.executeUpdate();
                        }
                    } else {
                        epoch = current + 1;
                        try (PreparedStatement s = c.prepareStatement("UPDATE ballast_leader SET epoch = ?, holder = ?, since = ? WHERE cluster = ?")) {
                            s.setLong(1, epoch);
                            s.setString(2, instance);
                            s.setTimestamp(3, Timestamp.from(clock.instant()));
                            s.setString(4, cluster);
                            s.executeUpdate();
                        }
                    }
                    c.commit();
                    held = epoch;
                    return epoch;
                } catch (SQLException e) {
                    c.rollback();
                    // two first leaders inserting the row at once: one insert fails, its next attempt updates
                    if (attempt >= 2) {
                        throw e;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("instance " + instance + " cannot take the epoch of cluster " + cluster + " in " + db + ": " + e.getMessage(), e);
            }
        }
    }

    /** Stops holding the epoch: every fenced write of this instance is refused from now on. */
    public void release() {
        held = 0;
    }

    public long held() {
        return held;
    }

    @Override
    public long verify(Connection transaction) throws SQLException {
        long mine = held;
        if (mine == 0) {
            throw new StaleLeaderException("instance " + instance + " does not lead cluster " + cluster + ": its write is refused");
        }
        Long current = current(transaction, true);
        if (current == null || current != mine) {
            throw new StaleLeaderException("instance " + instance + " led cluster " + cluster + " in epoch " + mine
                    + " but the cluster is in epoch " + current + ": its write is refused");
        }
        return mine;
    }

    /** The cluster's epoch (null before its first leader), its row locked until the transaction ends. */
    private Long current(Connection c, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT epoch FROM ballast_leader WHERE cluster = ?" + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, cluster);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
