package dev.ballast.scheduler.plans;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The relational database behind the plan store and the journal: an H2 file by default, PostgreSQL when several
 * instances share state. Its schema is brought up to date with Flyway's migrations (db/ballast) when it opens.
 */
public final class Database {
    private final String url;
    private final String user;
    private final String password;

    public Database(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "database url");
        this.user = user == null ? "" : user;
        this.password = password == null ? "" : password;
    }

    /** Opens the database and applies the migrations it lacks; throws naming the URL when it cannot. */
    public static Database open(String url, String user, String password) {
        Database db = new Database(url, user, password);
        db.migrate();
        return db;
    }

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private void migrate() {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(url, user, password)
                    .locations("classpath:db/ballast")
                    .table("ballast_schema_history")
                    // a database made before the store had migrations: its tables exist, V1 re-creates none of them
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("cannot prepare the database at " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return url;
    }
}
