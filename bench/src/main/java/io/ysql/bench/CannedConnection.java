package io.ysql.bench;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A {@link Connection} that does no I/O, for {@link PoolBenchmark}'s floor: HikariCP over it
 * allocates only what HikariCP itself does per borrow (its proxies, its bag's hand-off), since
 * the connection hands out the same {@link CannedStatement} every time and that statement the
 * same {@link CannedResultSet}. State the pool reads and resets (auto-commit, read-only,
 * isolation, catalog, schema, network timeout) is kept; the rest of the interface answers
 * neutrally. One connection serves one borrower at a time, as a pool guarantees.
 */
final class CannedConnection implements Connection {
    private final CannedStatement statement = new CannedStatement(this);
    private boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = TRANSACTION_READ_COMMITTED;
    private String catalog = "yugabyte";
    private String schema = "public";
    private int networkTimeout;

    /** The one statement, made ready for {@code sql}; a pool borrower prepares, runs and closes it each time. */
    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        if (closed) throw new SQLException("the canned connection is closed", "08003");
        return statement.open();
    }

    @Override public void close() { closed = true; }
    @Override public boolean isClosed() { return closed; }
    @Override public boolean isValid(int seconds) { return !closed; }
    @Override public boolean getAutoCommit() { return autoCommit; }
    @Override public void setAutoCommit(boolean on) { autoCommit = on; }
    @Override public boolean isReadOnly() { return readOnly; }
    @Override public void setReadOnly(boolean on) { readOnly = on; }
    @Override public int getTransactionIsolation() { return isolation; }
    @Override public void setTransactionIsolation(int level) { isolation = level; }
    @Override public String getCatalog() { return catalog; }
    @Override public void setCatalog(String c) { catalog = c; }
    @Override public String getSchema() { return schema; }
    @Override public void setSchema(String s) { schema = s; }
    @Override public int getNetworkTimeout() { return networkTimeout; }
    @Override public void setNetworkTimeout(Executor executor, int millis) { networkTimeout = millis; }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw new SQLException("not a wrapper for " + iface.getName(), "22023");
    }
    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }

    // ---- the rest of the interface: not used by the pool benchmark ----

    @Override public void abort(Executor p0) throws SQLException { }
    @Override public void clearWarnings() throws SQLException { }
    @Override public void commit() throws SQLException { }
    @Override public Array createArrayOf(String p0, Object[] p1) throws SQLException { return null; }
    @Override public Blob createBlob() throws SQLException { return null; }
    @Override public Clob createClob() throws SQLException { return null; }
    @Override public NClob createNClob() throws SQLException { return null; }
    @Override public SQLXML createSQLXML() throws SQLException { return null; }
    @Override public Statement createStatement() throws SQLException { return null; }
    @Override public Statement createStatement(int p0, int p1, int p2) throws SQLException { return null; }
    @Override public Statement createStatement(int p0, int p1) throws SQLException { return null; }
    @Override public Struct createStruct(String p0, Object[] p1) throws SQLException { return null; }
    @Override public Properties getClientInfo() throws SQLException { return null; }
    @Override public String getClientInfo(String p0) throws SQLException { return null; }
    @Override public int getHoldability() throws SQLException { return 0; }
    @Override public DatabaseMetaData getMetaData() throws SQLException { return null; }
    @Override public Map<String, Class<?>> getTypeMap() throws SQLException { return null; }
    @Override public SQLWarning getWarnings() throws SQLException { return null; }
    @Override public String nativeSQL(String p0) throws SQLException { return null; }
    @Override public CallableStatement prepareCall(String p0, int p1, int p2, int p3) throws SQLException { return null; }
    @Override public CallableStatement prepareCall(String p0, int p1, int p2) throws SQLException { return null; }
    @Override public CallableStatement prepareCall(String p0) throws SQLException { return null; }
    @Override public PreparedStatement prepareStatement(String p0, int[] p1) throws SQLException { return null; }
    @Override public PreparedStatement prepareStatement(String p0, String[] p1) throws SQLException { return null; }
    @Override public PreparedStatement prepareStatement(String p0, int p1, int p2, int p3) throws SQLException { return null; }
    @Override public PreparedStatement prepareStatement(String p0, int p1, int p2) throws SQLException { return null; }
    @Override public PreparedStatement prepareStatement(String p0, int p1) throws SQLException { return null; }
    @Override public void releaseSavepoint(Savepoint p0) throws SQLException { }
    @Override public void rollback() throws SQLException { }
    @Override public void rollback(Savepoint p0) throws SQLException { }
    @Override public void setClientInfo(String p0, String p1) { }
    @Override public void setClientInfo(Properties p0) { }
    @Override public void setHoldability(int p0) throws SQLException { }
    @Override public Savepoint setSavepoint() throws SQLException { return null; }
    @Override public Savepoint setSavepoint(String p0) throws SQLException { return null; }
    @Override public void setTypeMap(Map<String, Class<?>> p0) throws SQLException { }
}
