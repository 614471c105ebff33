package dev.ballast.scheduler.plans;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Guards the writes only a cluster's leader may make (plan changes, journal records, autopilot decisions): run
 * inside the write's transaction, it throws {@link StaleLeaderException} when this instance no longer holds the
 * cluster's current epoch. A single instance has no rival and uses {@link #NONE}.
 */
public interface WriteFence {
    WriteFence NONE = new WriteFence() {
        @Override
        public long verify(Connection transaction) {
            return 0;
        }
    };

    /** Checks, and locks until the transaction ends, that this instance still leads; returns its epoch. */
    long verify(Connection transaction) throws SQLException;
}
