package io.ysql.internal.jdbc;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.sql.SqlQuoting;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rarely used parts of {@link Connection}: savepoints, holdability, type maps, client info
 * other than {@code ApplicationName}, network timeout and the LOB/array factories (not supported
 * yet). Kept apart so {@link JdbcConnection} reads as the connection's main story.
 */
abstract class ConnectionExtras implements Connection {
    private final AtomicInteger savepointIds = new AtomicInteger();
    private volatile int networkTimeoutMillis;

    abstract void checkOpen() throws SQLException;

    abstract List<QueryResult> control(String sql) throws SQLException;

    private static SQLException unsupported(String what) {
        return SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet");
    }

    // ---- savepoints ------------------------------------------------------------------------

    /** A savepoint; its server-side name is {@code ysql_savepoint_N} unless the caller named it. */
    private record NamedSavepoint(int id, String name) implements Savepoint {
        @Override
        public int getSavepointId() throws SQLException {
            if (name != null) throw SqlExceptions.of(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "a named savepoint has no id");
            return id;
        }

        @Override
        public String getSavepointName() throws SQLException {
            if (name == null) throw SqlExceptions.of(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "an unnamed savepoint has no name");
            return name;
        }

        String serverName() { return name != null ? name : "ysql_savepoint_" + id; }
    }

    @Override public Savepoint setSavepoint() throws SQLException { return savepoint(new NamedSavepoint(savepointIds.incrementAndGet(), null)); }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        if (name == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "savepoint name must not be null");
        return savepoint(new NamedSavepoint(0, name));
    }

    private Savepoint savepoint(NamedSavepoint sp) throws SQLException {
        checkOpen();
        if (getAutoCommit()) {
            throw SqlExceptions.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "savepoints need autocommit off; call setAutoCommit(false) first");
        }
        // a statement, not control(): a savepoint may be the first thing a transaction does, so it must open it
        try (Statement s = createStatement()) {
            s.execute("SAVEPOINT " + SqlQuoting.quoteIdentifier(sp.serverName()));
        }
        return sp;
    }

    @Override
    public void rollback(Savepoint sp) throws SQLException {
        checkOpen();
        control("ROLLBACK TO SAVEPOINT " + SqlQuoting.quoteIdentifier(own(sp).serverName()));
    }

    @Override
    public void releaseSavepoint(Savepoint sp) throws SQLException {
        checkOpen();
        control("RELEASE SAVEPOINT " + SqlQuoting.quoteIdentifier(own(sp).serverName()));
    }

    private static NamedSavepoint own(Savepoint sp) throws SQLException {
        if (sp instanceof NamedSavepoint n) return n;
        throw SqlExceptions.of(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "the savepoint was not created by this driver");
    }

    // ---- holdability, type map, network timeout ---------------------------------------------

    @Override public int getHoldability() throws SQLException { checkOpen(); return ResultSet.HOLD_CURSORS_OVER_COMMIT; }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "unknown holdability " + holdability);
        }
    }

    @Override public Map<String, Class<?>> getTypeMap() throws SQLException { checkOpen(); return Map.of(); }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        if (map != null && !map.isEmpty()) throw unsupported("a custom type map");
    }

    @Override
    public void setNetworkTimeout(Executor executor, int millis) throws SQLException {
        checkOpen();
        if (millis < 0) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "network timeout must be >= 0, was " + millis);
        networkTimeoutMillis = millis;
    }

    @Override public int getNetworkTimeout() throws SQLException { checkOpen(); return networkTimeoutMillis; }

    // ---- client info -------------------------------------------------------------------------

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        throw new SQLClientInfoException("unknown client info property \"" + name + "\"; only ApplicationName is supported",
                SqlState.INVALID_PARAMETER_VALUE, Map.of(), null);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        for (String name : properties.stringPropertyNames()) setClientInfo(name, properties.getProperty(name));
    }

    @Override public String getClientInfo(String name) throws SQLException { checkOpen(); return null; }
    @Override public Properties getClientInfo() throws SQLException { checkOpen(); return new Properties(); }

    // ---- factories not supported yet ---------------------------------------------------------

    @Override public Clob createClob() throws SQLException { throw unsupported("createClob"); }
    @Override public Blob createBlob() throws SQLException { throw unsupported("createBlob"); }
    @Override public NClob createNClob() throws SQLException { throw unsupported("createNClob"); }
    @Override public SQLXML createSQLXML() throws SQLException { throw unsupported("createSQLXML"); }
    @Override public Struct createStruct(String typeName, Object[] attributes) throws SQLException { throw unsupported("createStruct"); }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "not a wrapper for " + iface.getName());
    }

    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
}
