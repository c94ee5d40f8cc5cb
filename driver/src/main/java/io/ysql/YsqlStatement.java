package io.ysql;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * A JDBC {@link Statement} of this driver, reached with {@code statement.unwrap(YsqlStatement.class)};
 * the equivalent of pgjdbc's {@code PGStatement} for server-side preparation. A
 * {@link java.sql.PreparedStatement} is prepared as a named statement on the server from its
 * {@code prepare_threshold}th run with the same parameter types (5 unless the connection sets
 * another); this statement may choose its own threshold. A plain {@code Statement} runs its text
 * with the simple query protocol and is never prepared: the threshold is kept but has no effect.
 */
public interface YsqlStatement extends Statement {

    /**
     * Sets the run from which this statement is prepared on the server: 0 never prepares it (each
     * run parses an unnamed statement), 1 prepares it from its second run
     * (the first describes it), a negative value is taken as 1 (pgjdbc's "prepare at once").
     */
    void setPrepareThreshold(int threshold) throws SQLException;

    /** This statement's prepare threshold: its own if set, else the connection's {@code prepare_threshold}. */
    int getPrepareThreshold() throws SQLException;

    /** pgjdbc's switch: true is the connection's threshold (or 1 if it is 0), false is 0. */
    default void setUseServerPrepare(boolean flag) throws SQLException {
        if (!flag) {
            setPrepareThreshold(0);
        } else if (getPrepareThreshold() == 0) {
            setPrepareThreshold(1);
        }
    }

    /** Whether this statement may be prepared on the server (its threshold is not 0). */
    default boolean isUseServerPrepare() throws SQLException { return getPrepareThreshold() != 0; }
}
