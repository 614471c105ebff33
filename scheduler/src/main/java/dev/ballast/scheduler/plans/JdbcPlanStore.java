package dev.ballast.scheduler.plans;

import dev.ballast.scheduler.plans.PlanViews.AuditEntry;
import dev.ballast.scheduler.plans.PlanViews.Decision;
import dev.ballast.scheduler.plans.PlanViews.StoredPlan;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One cluster's plans, audit log, decisions and autopilot memory in a relational database over plain JDBC: the
 * embedded default is an H2 file; several instances share a PostgreSQL database. A plan is one row holding its
 * JSON document, rewritten at every change. Leader-only writes run in a transaction that the fence checks first.
 */
public final class JdbcPlanStore implements PlanStore {
    private final Database db;
    private final String cluster;
    private final WriteFence fence;
    private final JsonMapper json;

    public JdbcPlanStore(Database db, String cluster, WriteFence fence, JsonMapper json) {
        this.db = db;
        this.cluster = cluster;
        this.fence = fence;
        this.json = json;
    }

    /** A single instance's store on its own database: no fence. */
    public JdbcPlanStore(String url, String user, String password, JsonMapper json) {
        this(Database.open(url, user, password), "default", WriteFence.NONE, json);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction, after the fence when {@code fenced}. */
    private <T> T transaction(String what, boolean fenced, Work<T> work) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                if (fenced) {
                    fence.verify(c);
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + " (cluster " + cluster + ", " + db + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void create(StoredPlan plan) {
        String document = write(plan);
        transaction("store plan " + plan.view().id(), false, c -> insertPlan(c, plan, document));
    }

    @Override
    public void save(StoredPlan plan) {
        String document = write(plan);
        transaction("save plan " + plan.view().id(), true, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE ballast_plan SET status = ?, document = ? WHERE id = ? AND cluster = ?")) {
                update.setString(1, plan.view().status());
                update.setString(2, document);
                update.setString(3, plan.view().id());
                update.setString(4, cluster);
                if (update.executeUpdate() > 0) {
                    return 1;
                }
            }
            return insertPlan(c, plan, document);
        });
    }

    private int insertPlan(Connection c, StoredPlan plan, String document) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ballast_plan (id, cluster, status, created_at, document) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.view().id());
            insert.setString(2, cluster);
            insert.setString(3, plan.view().status());
            insert.setTimestamp(4, Timestamp.from(plan.view().createdAt()));
            insert.setString(5, document);
            return insert.executeUpdate();
        }
    }

    @Override
    public List<StoredPlan> loadPlans() {
        return transaction("load plans", false, c -> {
            List<StoredPlan> plans = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT document FROM ballast_plan WHERE cluster = ? ORDER BY created_at")) {
                s.setString(1, cluster);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        plans.add(read(rs.getString(1), StoredPlan.class));
                    }
                }
            }
            return plans;
        });
    }

    @Override
    public Optional<StoredPlan> load(String id) {
        return transaction("load plan " + id, false, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT document FROM ballast_plan WHERE id = ? AND cluster = ?")) {
                s.setString(1, id);
                s.setString(2, cluster);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs.getString(1), StoredPlan.class)) : Optional.<StoredPlan>empty();
                }
            }
        });
    }

    @Override
    public void append(AuditEntry entry) {
        transaction("write to the audit log", false, c -> update(c, "INSERT INTO ballast_audit (cluster, at, who, action, plan_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
                cluster, Timestamp.from(entry.at()), entry.who(), entry.action(), entry.planId(), entry.detail()));
    }

    @Override
    public List<AuditEntry> audit(int newest) {
        List<AuditEntry> entries = transaction("read the audit log", false, c -> {
            List<AuditEntry> list = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT at, who, action, plan_id, detail FROM ballast_audit WHERE cluster = ? ORDER BY seq DESC LIMIT ?")) {
                s.setString(1, cluster);
                s.setInt(2, newest);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        list.add(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return list;
        });
        Collections.reverse(entries);
        return entries;
    }

    @Override
    public void append(Decision decision) {
        transaction("record a decision", true, c -> update(c, "INSERT INTO ballast_decision (cluster, at, source, action, reason, plan_id) VALUES (?, ?, ?, ?, ?, ?)",
                cluster, Timestamp.from(decision.at()), decision.source(), decision.action(), decision.reason(), decision.planId()));
    }

    @Override
    public List<Decision> decisions(int newest) {
        List<Decision> decisions = transaction("read the decision log", false, c -> {
            List<Decision> list = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT at, source, action, reason, plan_id FROM ballast_decision WHERE cluster = ? ORDER BY seq DESC LIMIT ?")) {
                s.setString(1, cluster);
                s.setInt(2, newest);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Decision(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return list;
        });
        Collections.reverse(decisions);
        return decisions;
    }

    @Override
    public Optional<AutopilotMemory> autopilotMemory() {
        return transaction("read the autopilot's memory", false, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT mode, consolidated_night, woken_night, rebalance_due FROM ballast_autopilot WHERE cluster = ?")) {
                s.setString(1, cluster);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<AutopilotMemory>empty();
                    }
                    Date consolidated = rs.getDate(2);
                    Date woken = rs.getDate(3);
                    return Optional.of(new AutopilotMemory(rs.getString(1), consolidated == null ? null : consolidated.toLocalDate(),
                            woken == null ? null : woken.toLocalDate(), rs.getBoolean(4)));
                }
            }
        });
    }

    @Override
    public void remember(AutopilotMemory memory) {
        // fenced by its own check, which also gives the epoch to store
        transaction("store the autopilot's memory", false, c -> {
            long epoch = fence.verify(c);
            Date consolidated = memory.consolidatedNight() == null ? null : Date.valueOf(memory.consolidatedNight());
            Date woken = memory.wokenNight() == null ? null : Date.valueOf(memory.wokenNight());
            int updated = update(c, "UPDATE ballast_autopilot SET mode = ?, consolidated_night = ?, woken_night = ?, rebalance_due = ?, epoch = ? WHERE cluster = ?",
                    memory.mode(), consolidated, woken, memory.rebalanceDue(), epoch, cluster);
            if (updated == 0) {
                update(c, "INSERT INTO ballast_autopilot (cluster, mode, consolidated_night, woken_night, rebalance_due, epoch) VALUES (?, ?, ?, ?, ?, ?)",
                        cluster, memory.mode(), consolidated, woken, memory.rebalanceDue(), epoch);
            }
            return updated;
        });
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    s.setNull(i + 1, java.sql.Types.NULL); // untyped: the column's type decides (PostgreSQL needs this)
                } else {
                    s.setObject(i + 1, values[i]);
                }
            }
            return s.executeUpdate();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored document does not read back as " + type.getSimpleName(), e);
        }
    }
}
