package io.ysql.error;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

/**
 * The one place where a SQLSTATE becomes a {@link SQLException} subclass, for both the JDBC and
 * the cursor API (the cursor API's connection is a {@code java.sql.Connection}, so both APIs raise
 * the same types; keeping the mapping here, below both, is what keeps it single).
 *
 * <p>Class 08 → {@link SQLNonTransientConnectionException}, 22 → {@link SQLDataException},
 * 23 → {@link SQLIntegrityConstraintViolationException}, 28 → {@link
 * SQLInvalidAuthorizationSpecException}, 40 → {@link SQLTransactionRollbackException}, 42 → {@link
 * SQLSyntaxErrorException}, 0A → {@link SQLFeatureNotSupportedException}, 57014 → {@link
 * SQLTimeoutException}; any other FATAL server error → {@link SQLNonTransientConnectionException}
 * (the server closes the session after it); everything else a plain {@link SQLException}.
 */
public final class SqlExceptions {
    private SqlExceptions() {}

    /** An exception for an ErrorResponse; its message is the server's, with detail and hint. */
    public static SQLException fromServer(ServerError error) {
        return create(error, error.toString(), null);
    }

    /** An exception the driver raises itself, with a real SQLSTATE. */
    public static SQLException of(String sqlState, String message) {
        return create(ServerError.of("ERROR", sqlState, message), message, null);
    }

    /** An exception the driver raises itself, caused by {@code cause}. */
    public static SQLException of(String sqlState, String message, Throwable cause) {
        return create(ServerError.of("ERROR", sqlState, message), message, cause);
    }

    /** An exception for a connection that is closed or was never opened (08003). */
    public static SQLException closed(String what) {
        return of(SqlState.CONNECTION_DOES_NOT_EXIST, what + " is closed");
    }

    private static SQLException create(ServerError e, String message, Throwable cause) {
        String state = e.sqlState() == null ? SqlState.INTERNAL_ERROR : e.sqlState();
        String cls = state.length() >= 2 ? state.substring(0, 2) : state;
        SQLException ex = switch (cls) {
            case "08" -> new Connection(message, state, e);
            case "22" -> new Data(message, state, e);
            case "23" -> new Integrity(message, state, e);
            case "28" -> new Authorization(message, state, e);
            case "40" -> new Rollback(message, state, e);
            case "42" -> new Syntax(message, state, e);
            case "0A" -> new FeatureNotSupported(message, state, e);
            default -> {
                if (state.equals(SqlState.QUERY_CANCELED)) yield new Timeout(message, state, e);
                if (e.isFatal()) yield new Connection(message, state, e);
                yield new Generic(message, state, e);
            }
        };
        if (cause != null) ex.initCause(cause);
        return ex;
    }

    private static final class Generic extends SQLException implements HasServerError {
        private final transient ServerError error;
        Generic(String m, String s, ServerError e) { super(m, s); error = e; }
        @Override public ServerError serverError() { return error; }
    }

    private static final class Connection extends SQLNonTransientConnectionException implements HasServerError {
        private final transient ServerError error;
        Connection(String m, String s, ServerError e) { super(m, s); error = e; }
        @Override public ServerError serverError() { return error; }
    }

    private static final class Data extends SQLDataException implements HasServerError {
        private final transient ServerError error;
        Data(String m, String s, ServerError e) { super(m, s); error = e; }
        @Override public ServerError serverError() { return error; }
    }

    private static final class Integrity extends SQLIntegrityConstraintViolationException implements HasServerError {
        private final transient ServerError error;
        Integrity(String m, String s, ServerError e) { super(m, s); error = e; }
        @Override public ServerError serverError() { return error; }
    }

    private static final class Authorization extends SQLInvalidAuthorizationSpecException implements HasServerError {
        private final transient ServerError error;
        Authorization(String m, String s, ServerError e) { super(m, s); error = e; }
        @Override public ServerError serverError() { return error; }
    }

    private static final class Rollback extends SQLTransactionRollbackException implements HasServerError {
        private final transient ServerError error;
        Rollback(String m, String s, ServerError e) { super(m, s); error = e; }
        @Override public ServerError serverError() { return error; }
    }

    private static final class Syntax extends SQLSyntaxErrorException implements HasServerError {
        private final transient ServerError error;
        Syntax(String m, String s, ServerError e) { super(m, s); error = e; }
        @Override public ServerError serverError() { return error; }
    }

    private static final class FeatureNotSupported extends SQLFeatureNotSupportedException implements HasServerError {
        private final transient ServerError error;
        FeatureNotSupported(String m, String s, ServerError e) { super(m, s); error = e; }
        @Override public ServerError serverError() { return error; }
    }

    private static final class Timeout extends SQLTimeoutException implements HasServerError {
        private final transient ServerError error;
        Timeout(String m, String s, ServerError e) { super(m, s); error = e; }
        @Override public ServerError serverError() { return error; }
    }
}
