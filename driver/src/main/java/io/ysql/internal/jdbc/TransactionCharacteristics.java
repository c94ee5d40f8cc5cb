package io.ysql.internal.jdbc;

import io.ysql.config.ConnectionConfig;
import io.ysql.config.Options;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.session.AutoSave;
import io.ysql.internal.session.Session;
import io.ysql.internal.session.TransactionStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The transaction characteristics of one JDBC connection: isolation level, read-only and
 * deferrable, with pgjdbc's rules. The isolation level and deferrable mode are session
 * characteristics ({@code SET SESSION CHARACTERISTICS AS TRANSACTION …}); read-only follows
 * {@code readOnlyMode}: {@code transaction} opens the transactions of autocommit-off mode with
 * {@code BEGIN READ ONLY}, {@code always} also makes the session read-only while autocommit is on,
 * {@code ignore} only remembers the flag. None of them may change inside a transaction (25001).
 */
public final class TransactionCharacteristics {
    /** What {@code setReadOnly(true)} does. */
    enum ReadOnlyMode { IGNORE, TRANSACTION, ALWAYS }

    private final JdbcConnection connection;
    private final Session session;
    private volatile ReadOnlyMode mode = ReadOnlyMode.TRANSACTION;
    private volatile boolean readOnly;

    TransactionCharacteristics(JdbcConnection connection) {
        this.connection = connection;
        this.session = connection.session();
    }

    /**
     * Applies the configuration's {@code readOnlyMode}, {@code readOnly}, {@code autosave} and
     * {@code cleanupSavepoints} to a new connection.
     */
    public static void configure(JdbcConnection connection, ConnectionConfig config) throws SQLException {
        TransactionCharacteristics t = connection.characteristics();
        String mode = config.get(Options.READ_ONLY_MODE);
        t.mode = mode == null ? ReadOnlyMode.TRANSACTION : ReadOnlyMode.valueOf(mode.toUpperCase(Locale.ROOT));
        Boolean cleanup = config.get(Options.CLEANUP_SAVEPOINTS);
        connection.session().autoSave(new AutoSave(AutoSave.Mode.of(config.get(Options.AUTOSAVE)),
                cleanup != null && cleanup));
        if (Boolean.TRUE.equals(config.get(Options.READ_ONLY))) t.setReadOnly(true);
    }

    boolean isReadOnly() { return readOnly; }

    void setReadOnly(boolean ro) throws SQLException {
        requireNoTransaction("the read-only property");
        if (ro != readOnly && mode == ReadOnlyMode.ALWAYS && session.autoCommit()) sessionReadOnly(ro);
        readOnly = ro;
        session.beginWith(ro && mode != ReadOnlyMode.IGNORE ? "BEGIN READ ONLY" : "BEGIN");
    }

    /**
     * Called as autocommit changes (after any open transaction was committed): with
     * {@code readOnlyMode=always}, the session is read-only exactly while autocommit is on.
     */
    void autoCommitChanged(boolean on) throws SQLException {
        if (readOnly && mode == ReadOnlyMode.ALWAYS) sessionReadOnly(on);
    }

    private void sessionReadOnly(boolean ro) throws SQLException {
        connection.control("SET SESSION CHARACTERISTICS AS TRANSACTION " + (ro ? "READ ONLY" : "READ WRITE"));
    }

    void setIsolation(int level) throws SQLException {
        String name = isolationName(level);
        requireNoTransaction("the transaction isolation level");
        connection.control("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + name);
    }

    /** The SQL name of a JDBC isolation level constant. */
    static String isolationName(int level) throws SQLException {
        return switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "unknown transaction isolation level "
                    + level + "; use one of the Connection.TRANSACTION_* constants");
        };
    }

    /** The JDBC constant for a {@code transaction_isolation} value as SHOW prints it. */
    static int isolationLevel(String shown) {
        return switch (shown) {
            case "read uncommitted" -> Connection.TRANSACTION_READ_UNCOMMITTED;
            case "repeatable read" -> Connection.TRANSACTION_REPEATABLE_READ;
            case "serializable" -> Connection.TRANSACTION_SERIALIZABLE;
            default -> Connection.TRANSACTION_READ_COMMITTED;
        };
    }

    void requireNoTransaction(String what) throws SQLException {
        if (session.transactionStatus() != TransactionStatus.IDLE) {
            throw SqlExceptions.of(SqlState.ACTIVE_SQL_TRANSACTION, "cannot change " + what
                    + " in the middle of a transaction; commit or roll back first");
        }
    }
}
