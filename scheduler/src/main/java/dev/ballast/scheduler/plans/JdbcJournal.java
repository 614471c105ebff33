package dev.ballast.scheduler.plans;

import dev.ballast.actuators.journal.LineJournal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The executor's journal in the plan store's database, one row per record, so that whichever instance leads the
 * cluster next finds what the last one was doing. Every append is fenced: a stale leader's records are refused
 * and its executor stops. Reading returns only the plans the journal has not closed.
 */
public final class JdbcJournal extends LineJournal {
    private final Database db;
    private final String cluster;
    private final WriteFence fence;

    public JdbcJournal(Database db, String cluster, WriteFence fence) {
        this.db = db;
        this.cluster = cluster;
        this.fence = fence;
    }

    @Override
    protected String describe() {
        return "ballast_journal of cluster " + cluster + " in " + db;
    }

    @Override
    protected void appendLines(List<String> lines) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                long epoch = fence.verify(c);
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO ballast_journal (cluster, plan_id, kind, epoch, line) VALUES (?, ?, ?, ?, ?)")) {
                    for (String line : lines) {
                        String record = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
                        insert.setString(1, cluster);
                        insert.setString(2, planIdOf(record));
                        insert.setString(3, kindOf(record));
                        insert.setLong(4, epoch);
                        insert.setString(5, record);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected List<String> readLines(String planId) {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT line FROM ballast_journal WHERE cluster = ? AND plan_id = ? ORDER BY seq")) {
            s.setString(1, cluster);
            s.setString(2, planId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read plan " + planId + " from " + describe() + ": " + e.getMessage(), e);
        }
        return lines;
    }

    /** The records of the plans not closed yet (the only ones a new leader must reconcile). */
    @Override
    protected List<String> readLines() {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT line FROM ballast_journal j WHERE cluster = ? AND NOT EXISTS (SELECT 1 FROM ballast_journal e "
                        + "WHERE e.cluster = j.cluster AND e.plan_id = j.plan_id AND e.kind = 'END') ORDER BY seq")) {
            s.setString(1, cluster);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
