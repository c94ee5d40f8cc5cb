package io.ysql.internal.jdbc;

import io.ysql.IsolationLevel;
import io.ysql.SessionInfo;
import io.ysql.config.ConnectionConfig;
import io.ysql.config.ConnectionOption;
import io.ysql.config.Options;
import io.ysql.errors.ProgrammingError;
import io.ysql.error.SqlState;
import io.ysql.internal.session.Session;
import io.ysql.internal.session.TransactionStatus;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cursor API's view of a connection's session, with psycopg2's names and rules: the isolation
 * level, read-only and deferrable defaults of the session's transactions (each null or
 * {@link IsolationLevel#DEFAULT} for the server's default; like psycopg2 in autocommit mode they
 * are session defaults, so they also cover single statements), {@code setSession} for all of
 * them and autocommit at once, {@code info()}, the encoding and the connection parameters without
 * the password. Changing a characteristic inside a transaction raises {@link ProgrammingError}.
 */
public final class CursorApiSettings {
    private final JdbcConnection connection;
    private final Session session;
    private volatile Map<String, String> dsn = Map.of();
    private volatile Boolean readonly;
    private volatile Boolean deferrable;

    CursorApiSettings(JdbcConnection connection) {
        this.connection = connection;
        this.session = connection.session();
    }

    /** Remembers the connection parameters for {@link #dsnParameters()}, secrets left out. */
    public void dsnParameters(ConnectionConfig config) {
        Map<String, String> m = new TreeMap<>();
        config.asRedactedMap().forEach((name, value) -> {
            boolean secret = Options.byName(name).map(ConnectionOption::secret).orElse(true);
            if (!secret && value != null) m.put(name, value);
        });
        dsn = Map.copyOf(m);
    }

    public Map<String, String> dsnParameters() { return dsn; }

    public IsolationLevel isolationLevel() throws SQLException {
        return IsolationLevel.ofShown(connection.show("default_transaction_isolation"));
    }

    public void isolationLevel(IsolationLevel level) throws SQLException {
        checkIdle("the isolation level");
        apply(level == null ? IsolationLevel.DEFAULT : level);
    }

    public Boolean readonly() { return readonly; }

    public void readonly(Boolean on) throws SQLException {
        checkIdle("readonly");
        applyFlag("read_only", on, "READ ONLY", "READ WRITE");
        readonly = on;
    }

    public Boolean deferrable() { return deferrable; }

    public void deferrable(Boolean on) throws SQLException {
        checkIdle("deferrable");
        applyFlag("deferrable", on, "DEFERRABLE", "NOT DEFERRABLE");
        deferrable = on;
    }

    /** psycopg2's {@code set_session}: each argument null leaves that setting as it is. */
    public void setSession(IsolationLevel level, Boolean readonly, Boolean deferrable, Boolean autocommit)
            throws SQLException {
        checkIdle("the session characteristics");
        if (level != null) apply(level);
        if (readonly != null) readonly(readonly);
        if (deferrable != null) deferrable(deferrable);
        if (autocommit != null) connection.setAutoCommit(autocommit);
    }

    private void apply(IsolationLevel level) throws SQLException {
        connection.control(level == IsolationLevel.DEFAULT ? "SET default_transaction_isolation TO DEFAULT"
                : "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + level.sql());
    }

    private void applyFlag(String setting, Boolean on, String yes, String no) throws SQLException {
        connection.control(on == null ? "SET default_transaction_" + setting + " TO DEFAULT"
                : "SET SESSION CHARACTERISTICS AS TRANSACTION " + (on ? yes : no));
    }

    private void checkIdle(String what) throws SQLException {
        connection.checkOpen();
        if (session.transactionStatus() != TransactionStatus.IDLE) {
            throw new ProgrammingError("cannot set " + what + " inside a transaction; commit or roll back first",
                    SqlState.ACTIVE_SQL_TRANSACTION, null, null);
        }
    }

    public SessionInfo info() throws SQLException {
        connection.checkOpen();
        SessionInfo.TransactionStatus status = switch (session.transactionStatus()) {
            case IDLE -> SessionInfo.TransactionStatus.IDLE;
            case IN_TRANSACTION -> SessionInfo.TransactionStatus.INTRANS;
            case FAILED -> SessionInfo.TransactionStatus.INERROR;
        };
        if (session.isClosed()) status = SessionInfo.TransactionStatus.UNKNOWN;
        return new SessionInfo(serverVersionNumber(session.parameter("server_version")), connection.backendProcessId(),
                session.parameters(), status, connection.getCatalog(), connection.user(), connection.connectionInfo());
    }

    /** libpq's {@code PQserverVersion}: 150018 for "15.18 (Debian …)", 90624 for "9.6.24", 110002 for "11.2-YB-…". */
    static int serverVersionNumber(String version) {
        if (version == null) return 0;
        String[] parts = version.strip().split("[^0-9]+", 4);
        int major = parts.length > 0 && !parts[0].isEmpty() ? Integer.parseInt(parts[0]) : 0;
        int second = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
        if (major >= 10) return major * 10_000 + second;
        int third = parts.length > 2 && !parts[2].isEmpty() ? Integer.parseInt(parts[2]) : 0;
        return major * 10_000 + second * 100 + third;
    }
}
