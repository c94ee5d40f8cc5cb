package io.ysql.bench;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one {@link PreparedStatement} of a {@link CannedConnection}: {@link #executeQuery()} waits
 * about as long as a point select's round trip ({@value #ROUND_TRIP_MICROS} µs, parked, so the
 * pool's threads contend the way they do over a real driver) and returns the connection's one
 * {@link CannedResultSet}, a single row for the id bound as parameter 1. Allocates nothing per
 * use; methods the pool benchmark does not call throw {@link SQLFeatureNotSupportedException}.
 */
final class CannedStatement implements PreparedStatement {
    /** About one point select's round trip on the benchmark machine. */
    static final long ROUND_TRIP_MICROS = 60;

    private final CannedConnection connection;
    private final CannedResultSet resultSet = new CannedResultSet(this);
    private boolean closed = true;
    private int id;

    CannedStatement(CannedConnection connection) { this.connection = connection; }

    /** This statement, open again for a new borrower. */
    CannedStatement open() {
        closed = false;
        id = 0;
        return this;
    }

    private static SQLFeatureNotSupportedException unsupported() {
        return new SQLFeatureNotSupportedException("the canned statement only runs the pool benchmark's point select");
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        if (index != 1) throw new SQLException("the canned point select has one parameter", "22023");
        id = value;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (closed) throw new SQLException("the canned statement is closed", "HY010");
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ROUND_TRIP_MICROS));
        return resultSet.open(id);
    }

    @Override public void close() { closed = true; resultSet.close(); }
    @Override public boolean isClosed() { return closed; }
    @Override public Connection getConnection() { return connection; }
    @Override public SQLWarning getWarnings() { return null; }
    @Override public void clearWarnings() { }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw new SQLException("not a wrapper for " + iface.getName(), "22023");
    }
    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }

    // ---- the rest of the interface: not used by the pool benchmark ----

    @Override public void addBatch() throws SQLException { }
    @Override public void addBatch(String p0) throws SQLException { }
    @Override public void cancel() throws SQLException { }
    @Override public void clearBatch() throws SQLException { }
    @Override public void clearParameters() throws SQLException { }
    @Override public void closeOnCompletion() throws SQLException { }
    @Override public boolean execute() throws SQLException { throw unsupported(); }
    @Override public boolean execute(String p0, int[] p1) throws SQLException { throw unsupported(); }
    @Override public boolean execute(String p0, String[] p1) throws SQLException { throw unsupported(); }
    @Override public boolean execute(String p0, int p1) throws SQLException { throw unsupported(); }
    @Override public boolean execute(String p0) throws SQLException { throw unsupported(); }
    @Override public int[] executeBatch() throws SQLException { throw unsupported(); }
    @Override public ResultSet executeQuery(String p0) throws SQLException { throw unsupported(); }
    @Override public int executeUpdate() throws SQLException { throw unsupported(); }
    @Override public int executeUpdate(String p0, int[] p1) throws SQLException { throw unsupported(); }
    @Override public int executeUpdate(String p0, String[] p1) throws SQLException { throw unsupported(); }
    @Override public int executeUpdate(String p0, int p1) throws SQLException { throw unsupported(); }
    @Override public int executeUpdate(String p0) throws SQLException { throw unsupported(); }
    @Override public int getFetchDirection() throws SQLException { throw unsupported(); }
    @Override public int getFetchSize() throws SQLException { throw unsupported(); }
    @Override public ResultSet getGeneratedKeys() throws SQLException { throw unsupported(); }
    @Override public int getMaxFieldSize() throws SQLException { throw unsupported(); }
    @Override public int getMaxRows() throws SQLException { throw unsupported(); }
    @Override public ResultSetMetaData getMetaData() throws SQLException { throw unsupported(); }
    @Override public boolean getMoreResults() throws SQLException { throw unsupported(); }
    @Override public boolean getMoreResults(int p0) throws SQLException { throw unsupported(); }
    @Override public ParameterMetaData getParameterMetaData() throws SQLException { throw unsupported(); }
    @Override public int getQueryTimeout() throws SQLException { throw unsupported(); }
    @Override public ResultSet getResultSet() throws SQLException { throw unsupported(); }
    @Override public int getResultSetConcurrency() throws SQLException { throw unsupported(); }
    @Override public int getResultSetHoldability() throws SQLException { throw unsupported(); }
    @Override public int getResultSetType() throws SQLException { throw unsupported(); }
    @Override public int getUpdateCount() throws SQLException { throw unsupported(); }
    @Override public boolean isCloseOnCompletion() throws SQLException { throw unsupported(); }
    @Override public boolean isPoolable() throws SQLException { throw unsupported(); }
    @Override public void setArray(int p0, Array p1) throws SQLException { }
    @Override public void setAsciiStream(int p0, InputStream p1, int p2) throws SQLException { }
    @Override public void setAsciiStream(int p0, InputStream p1, long p2) throws SQLException { }
    @Override public void setAsciiStream(int p0, InputStream p1) throws SQLException { }
    @Override public void setBigDecimal(int p0, BigDecimal p1) throws SQLException { }
    @Override public void setBinaryStream(int p0, InputStream p1, int p2) throws SQLException { }
    @Override public void setBinaryStream(int p0, InputStream p1, long p2) throws SQLException { }
    @Override public void setBinaryStream(int p0, InputStream p1) throws SQLException { }
    @Override public void setBlob(int p0, InputStream p1, long p2) throws SQLException { }
    @Override public void setBlob(int p0, InputStream p1) throws SQLException { }
    @Override public void setBlob(int p0, Blob p1) throws SQLException { }
    @Override public void setBoolean(int p0, boolean p1) throws SQLException { }
    @Override public void setByte(int p0, byte p1) throws SQLException { }
    @Override public void setBytes(int p0, byte[] p1) throws SQLException { }
    @Override public void setCharacterStream(int p0, Reader p1, int p2) throws SQLException { }
    @Override public void setCharacterStream(int p0, Reader p1, long p2) throws SQLException { }
    @Override public void setCharacterStream(int p0, Reader p1) throws SQLException { }
    @Override public void setClob(int p0, Reader p1, long p2) throws SQLException { }
    @Override public void setClob(int p0, Reader p1) throws SQLException { }
    @Override public void setClob(int p0, Clob p1) throws SQLException { }
    @Override public void setCursorName(String p0) throws SQLException { }
    @Override public void setDate(int p0, Date p1, Calendar p2) throws SQLException { }
    @Override public void setDate(int p0, Date p1) throws SQLException { }
    @Override public void setDouble(int p0, double p1) throws SQLException { }
    @Override public void setEscapeProcessing(boolean p0) throws SQLException { }
    @Override public void setFetchDirection(int p0) throws SQLException { }
    @Override public void setFetchSize(int p0) throws SQLException { }
    @Override public void setFloat(int p0, float p1) throws SQLException { }
    @Override public void setLong(int p0, long p1) throws SQLException { }
    @Override public void setMaxFieldSize(int p0) throws SQLException { }
    @Override public void setMaxRows(int p0) throws SQLException { }
    @Override public void setNCharacterStream(int p0, Reader p1, long p2) throws SQLException { }
    @Override public void setNCharacterStream(int p0, Reader p1) throws SQLException { }
    @Override public void setNClob(int p0, Reader p1, long p2) throws SQLException { }
    @Override public void setNClob(int p0, Reader p1) throws SQLException { }
    @Override public void setNClob(int p0, NClob p1) throws SQLException { }
    @Override public void setNString(int p0, String p1) throws SQLException { }
    @Override public void setNull(int p0, int p1, String p2) throws SQLException { }
    @Override public void setNull(int p0, int p1) throws SQLException { }
    @Override public void setObject(int p0, Object p1, int p2, int p3) throws SQLException { }
    @Override public void setObject(int p0, Object p1, int p2) throws SQLException { }
    @Override public void setObject(int p0, Object p1) throws SQLException { }
    @Override public void setPoolable(boolean p0) throws SQLException { }
    @Override public void setQueryTimeout(int p0) throws SQLException { }
    @Override public void setRef(int p0, Ref p1) throws SQLException { }
    @Override public void setRowId(int p0, RowId p1) throws SQLException { }
    @Override public void setSQLXML(int p0, SQLXML p1) throws SQLException { }
    @Override public void setShort(int p0, short p1) throws SQLException { }
    @Override public void setString(int p0, String p1) throws SQLException { }
    @Override public void setTime(int p0, Time p1, Calendar p2) throws SQLException { }
    @Override public void setTime(int p0, Time p1) throws SQLException { }
    @Override public void setTimestamp(int p0, Timestamp p1, Calendar p2) throws SQLException { }
    @Override public void setTimestamp(int p0, Timestamp p1) throws SQLException { }
    @Override public void setURL(int p0, URL p1) throws SQLException { }
    @Override public void setUnicodeStream(int p0, InputStream p1, int p2) throws SQLException { }
}
