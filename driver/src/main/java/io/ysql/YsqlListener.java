package io.ysql;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Observes what the driver does, for metrics, tracing or diagnostics (OpenTelemetry, Micrometer,
 * the {@code check} command): each step of a connect ({@link ConnectEvent}), a connect's success
 * or failure with its duration, and each statement's start and end with its duration and row
 * count. Statements are reported by their SQL text only, never with parameter values; nothing
 * secret is ever passed. Every method has an empty default, so an implementation overrides only
 * what it needs. Methods run on the thread that connects or executes and should return quickly; an
 * exception thrown by a method is logged at DEBUG and otherwise ignored.
 *
 * <p>Register one with {@link Ysql#connect(io.ysql.config.ConnectionConfig, YugabyteClusters, YsqlListener)}
 * or {@code YsqlDataSource.setListener}. Once a connection is open, the statements the driver runs
 * on it on its own behalf (type look-ups) are reported too.
 */
public interface YsqlListener {
    /** A listener that does nothing. */
    YsqlListener NONE = new YsqlListener() {};

    /** One step of a connect, as it happens. */
    default void connectEvent(ConnectEvent event) {}

    /** A connection is ready: where it went, its TLS and authentication; {@code took} covers every attempt. */
    default void connected(ConnectionInfo info, Duration took) {}

    /** A connect failed after every attempt; {@code target} is the configuration's URL (no user, no password). */
    default void connectFailed(String target, SQLException error, Duration took) {}

    /** A statement is about to be sent. */
    default void queryStarted(String sql) {}

    /** A statement completed; {@code rowCount} is the count of its command tag (rows returned or affected), -1 when none. */
    default void queryFinished(String sql, long rowCount, Duration took) {}

    /** A statement failed. */
    default void queryFailed(String sql, SQLException error, Duration took) {}
}
