package io.ysql.internal.session;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Is told when a statement starts and how it ended: its SQL text (never its parameter values), the
 * rows it returned or affected, and how long it took. The public listener of the {@code io.ysql}
 * package adapts it; {@link #LOGGING} writes the text at TRACE level to the
 * {@code io.ysql.internal.session} logger. Methods run on the calling thread and must not throw.
 */
public interface QueryObserver {
    /** Observes nothing but the TRACE log. */
    QueryObserver LOGGING = new QueryObserver() {};

    /** The statement is about to be sent. */
    default void started(String sql) {
        if (Log.LOG.isLoggable(Level.TRACE)) Log.LOG.log(Level.TRACE, "executing: {0}", sql);
    }

    /** The statement completed; {@code rows} is the count of its command tag, -1 when it has none. */
    default void finished(String sql, long rows, Duration took) {
        if (!Log.LOG.isLoggable(Level.TRACE)) return;
        Log.LOG.log(Level.TRACE, "completed in {0} ms, {1} rows: {2}", String.valueOf(took.toMillis()),
                String.valueOf(rows), sql);
    }

    /** The statement failed. */
    default void failed(String sql, SQLException error, Duration took) {
        if (!Log.LOG.isLoggable(Level.TRACE)) return;
        Log.LOG.log(Level.TRACE, "failed in {0} ms with SQLSTATE {1}: {2}", String.valueOf(took.toMillis()),
                error.getSQLState(), sql);
    }

    /** Whether {@code o} would do anything: false for {@link #LOGGING} while TRACE is off (no clock, no allocation). */
    static boolean active(QueryObserver o) {
        return o != LOGGING || Log.LOG.isLoggable(Level.TRACE);
    }

    /** The session package's logger. */
    final class Log {
        static final System.Logger LOG = System.getLogger("io.ysql.internal.session");

        private Log() {}
    }
}
