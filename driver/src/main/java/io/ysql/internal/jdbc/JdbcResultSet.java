package io.ysql.internal.jdbc;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.ArrayCodec;
import io.ysql.internal.codec.Oids;
import io.ysql.internal.codec.ValueDecoder;
import io.ysql.internal.session.PortalStream;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.ResultRows;
import io.ysql.internal.session.RowView;
import io.ysql.internal.wire.backend.RowDescription;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only result over rows already received, or arriving in chunks from a
 * {@link PortalStream} (a fetch size was set): then only the chunk being read is held. Values stay as the server's bytes
 * until a getter asks; the codec turns them into Java values. One {@link RowView} walks the rows,
 * so moving to a row allocates nothing and its column positions are found once for all getters; on
 * close the view goes back to the statement for its next result. Column indexes are 1-based; labels
 * are matched case-insensitively, the first column of a name winning. It is just over 500 lines
 * because it carries every typed getter of the JDBC {@code ResultSet}; each is one line delegating
 * to the decoder, and the streaming state is apart already.
 */
final class JdbcResultSet extends ReadOnlyResultSet {
    private final JdbcStatement statement;
    private static final RowDescription NO_COLUMNS = new RowDescription(new RowDescription.Field[0]);
    private static final VarHandle VIEW;

    static {
        try {
            VIEW = MethodHandles.lookup().findVarHandle(JdbcResultSet.class, "view", RowView.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final RowDescription description;
    private ResultRows rows; // the chunk being read
    private Chunks chunks; // null for rows all received, no row limit and no fetch size: the usual case
    private final ValueDecoder decoder;
    private Map<String, Integer> columnIndex;
    private int position = -1; // -1 before first, rows.size() after last
    private RowView view;
    private boolean onRow; // view is on a row
    private boolean wasNull;
    private int valueOffset; // of the column isNull last found not NULL
    private int valueLength;
    private boolean closed;

    /** The state of a streamed result, the row limit and the fetch size, apart as most results need none of them. */
    private static final class Chunks {
        ResultRows ahead; // the next chunk, when isLast() had to look
        PortalStream stream; // the chunks still to come, or null
        long base; // rows in the chunks before this one
        int maxRows;
        int fetchSize;
    }

    JdbcResultSet(JdbcStatement statement, QueryResult result, ValueDecoder decoder) {
        this(statement, result, decoder, null, 0);
    }

    /** A result whose first chunk is {@code result} and whose further rows come from {@code stream} (null for none). */
    JdbcResultSet(JdbcStatement statement, QueryResult result, ValueDecoder decoder, PortalStream stream, int maxRows) {
        this.statement = statement;
        if (stream != null || maxRows != 0) {
            Chunks c = new Chunks();
            c.stream = stream;
            c.maxRows = maxRows;
            this.chunks = c;
        }
        this.description = result.description() == null ? NO_COLUMNS : result.description();
        this.rows = result.rows();
        this.view = RowView.of(rows, statement == null ? null : statement.takeView());
        this.decoder = decoder;
    }

    // ---- navigation ------------------------------------------------------------------------

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (position < rows.size()) position++;
        Chunks c = chunks;
        if (position >= rows.size() && c != null && c.stream != null) nextChunk(c);
        if (position < rows.size() && (c == null || c.maxRows == 0 || c.base + position < c.maxRows)) {
            view.moveTo(position);
            onRow = true;
            return true;
        }
        position = rows.size();
        onRow = false;
        endStream();
        return false;
    }

    /** Moves to the next chunk of the stream, if there is one; a server error met on the way is thrown here. */
    private void nextChunk(Chunks c) throws SQLException {
        ResultRows next = c.ahead != null ? c.ahead : fetch(c);
        c.ahead = null;
        if (next == null) return;
        c.base += rows.size();
        rows = next;
        view = RowView.of(next, view);
        position = 0;
    }

    private ResultRows fetch(Chunks c) throws SQLException {
        if (c.stream == null) return null;
        try {
            ResultRows next = c.stream.next(c.fetchSize > 0 ? c.fetchSize : Integer.MAX_VALUE);
            if (next == null) endStream();
            return next;
        } catch (SQLException e) {
            onRow = false;
            endStream();
            throw e;
        }
    }

    private void endStream() {
        Chunks c = chunks;
        if (c == null || c.stream == null) return;
        close(c.stream);
        c.stream = null;
    }

    /** Rows in the chunks before the one being read. */
    private long base() {
        Chunks c = chunks;
        return c == null ? 0 : c.base;
    }

    /** Closes {@code s}; a failure (the connection broke) is logged, as the next use of the connection reports it. */
    static void close(PortalStream s) {
        try {
            s.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a streamed result failed", e);
        }
    }

    private static final System.Logger LOG = System.getLogger("io.ysql.internal.jdbc");

    @Override public boolean isBeforeFirst() throws SQLException { checkOpen(); return position < 0 && !rows.isEmpty(); }
    @Override public boolean isAfterLast() throws SQLException { checkOpen(); return position >= rows.size() && !rows.isEmpty(); }
    @Override public boolean isFirst() throws SQLException { checkOpen(); return base() == 0 && position == 0 && !rows.isEmpty(); }
    @Override public int getRow() throws SQLException { checkOpen(); return !onRow ? 0 : (int) Math.min(Integer.MAX_VALUE, base() + position + 1); }

    /** On a streamed result, the last row of a chunk is the last only when no further chunk has rows: that is fetched to know. */
    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        if (!onRow) return false;
        Chunks c = chunks;
        if (c == null) return position == rows.size() - 1;
        if (c.maxRows > 0 && c.base + position == c.maxRows - 1) return true;
        if (position < rows.size() - 1) return false;
        if (c.stream != null && c.ahead == null) c.ahead = fetch(c);
        return c.ahead == null;
    }
    @Override public boolean absolute(int r) throws SQLException { throw forwardOnly("absolute"); }
    @Override public boolean relative(int r) throws SQLException { throw forwardOnly("relative"); }
    @Override public boolean previous() throws SQLException { throw forwardOnly("previous"); }
    @Override public boolean first() throws SQLException { throw forwardOnly("first"); }
    @Override public boolean last() throws SQLException { throw forwardOnly("last"); }
    @Override public void beforeFirst() throws SQLException { throw forwardOnly("beforeFirst"); }
    @Override public void afterLast() throws SQLException { throw forwardOnly("afterLast"); }

    private SQLException forwardOnly(String method) {
        return SqlExceptions.of(SqlState.INVALID_CURSOR_STATE, "ResultSet." + method
                + " needs a scrollable result, but this one is TYPE_FORWARD_ONLY; read it with next()");
    }

    @Override public int getType() { return TYPE_FORWARD_ONLY; }
    @Override public int getConcurrency() { return CONCUR_READ_ONLY; }
    @Override public int getHoldability() { return HOLD_CURSORS_OVER_COMMIT; }
    @Override public int getFetchDirection() { return FETCH_FORWARD; }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != FETCH_FORWARD) throw forwardOnly("setFetchDirection");
    }

    @Override public int getFetchSize() { return chunks == null ? 0 : chunks.fetchSize; }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        if (rows < 0) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "fetch size must be >= 0, was " + rows);
        if (rows == 0 && chunks == null) return;
        if (chunks == null) chunks = new Chunks();
        chunks.fetchSize = rows;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        onRow = false;
        if (chunks != null) chunks.ahead = null;
        endStream();
        RowView v = (RowView) VIEW.getAndSet(this, null); // given back once, even when two threads close
        if (statement != null) {
            if (v != null) statement.keepView(v.detach());
            statement.resultSetClosed(this);
        }
    }
    @Override public boolean isClosed() { return closed; }
    @Override public Statement getStatement() { return statement; }
    @Override public SQLWarning getWarnings() { return null; }
    @Override public void clearWarnings() {}
    @Override public String getCursorName() throws SQLException { throw unsupported("getCursorName"); }
    @Override public ResultSetMetaData getMetaData() throws SQLException { checkOpen(); return new JdbcResultSetMetaData(description.fields(), decoder.context()); }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (columnIndex == null) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = description.fieldCount() - 1; i >= 0; i--) m.put(description.field(i).name().toLowerCase(Locale.ROOT), i + 1);
            columnIndex = m;
        }
        Integer i = columnIndex.get(label == null ? null : label.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw SqlExceptions.of(SqlState.UNDEFINED_COLUMN, "the result has no column named \"" + label + "\"");
        }
        return i;
    }

    @Override public boolean wasNull() { return wasNull; }

    // ---- value access ----------------------------------------------------------------------

    /**
     * Positions on column {@code i} (1-based) of the current row; true when its value is NULL.
     * Otherwise the value's place is kept in {@code valueOffset} and {@code valueLength} for the
     * getter that asked.
     */
    private boolean isNull(int i) throws SQLException {
        if (closed || !onRow || i < 1 || i > description.fieldCount()) throw notReadable(i);
        int l = view.length(i - 1);
        if (l < 0) {
            wasNull = true;
            return true;
        }
        wasNull = false;
        valueOffset = view.offset(i - 1);
        valueLength = l;
        return false;
    }

    private SQLException notReadable(int i) {
        int columnCount = description.fieldCount();
        if (closed) return SqlExceptions.of(SqlState.INVALID_CURSOR_STATE, "the ResultSet is closed");
        if (!onRow) {
            return SqlExceptions.of(SqlState.INVALID_CURSOR_STATE, position < 0
                    ? "the ResultSet is before its first row; call next() first"
                    : "the ResultSet is after its last row");
        }
        return SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "column index " + i + " is out of range; the result has "
                + columnCount + " column" + (columnCount == 1 ? "" : "s"));
    }

    private int oid(int i) { return description.field(i - 1).typeOid(); }
    private int format(int i) { return description.field(i - 1).format(); }
    private byte[] buf() { return view.buffer(); }

    @Override
    public String getString(int i) throws SQLException {
        return isNull(i) ? null : decoder.getString(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        return !isNull(i) && decoder.getBoolean(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    public byte getByte(int i) throws SQLException {
        return isNull(i) ? 0 : decoder.getByte(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    public short getShort(int i) throws SQLException {
        return isNull(i) ? 0 : decoder.getShort(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    public int getInt(int i) throws SQLException {
        return isNull(i) ? 0 : decoder.getInt(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    public long getLong(int i) throws SQLException {
        return isNull(i) ? 0 : decoder.getLong(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    public float getFloat(int i) throws SQLException {
        return isNull(i) ? 0 : decoder.getFloat(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    public double getDouble(int i) throws SQLException {
        return isNull(i) ? 0 : decoder.getDouble(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        return isNull(i) ? null : decoder.getBigDecimal(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        BigDecimal v = getBigDecimal(i);
        return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        return isNull(i) ? null : decoder.getBytes(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    public Date getDate(int i) throws SQLException {
        return isNull(i) ? null : decoder.getDate(oid(i), format(i), buf(), valueOffset, valueLength, null);
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        return isNull(i) ? null : decoder.getDate(oid(i), format(i), buf(), valueOffset, valueLength, cal == null ? null : cal.getTimeZone());
    }

    @Override
    public Time getTime(int i) throws SQLException {
        return isNull(i) ? null : decoder.getTime(oid(i), format(i), buf(), valueOffset, valueLength, null);
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        return isNull(i) ? null : decoder.getTime(oid(i), format(i), buf(), valueOffset, valueLength, cal == null ? null : cal.getTimeZone());
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        return isNull(i) ? null : decoder.getTimestamp(oid(i), format(i), buf(), valueOffset, valueLength, null);
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        return isNull(i) ? null : decoder.getTimestamp(oid(i), format(i), buf(), valueOffset, valueLength, cal == null ? null : cal.getTimeZone());
    }

    @Override
    public Object getObject(int i) throws SQLException {
        if (isNull(i)) return null;
        if (isArray(i)) return getArray(i);
        if (oid(i) == Oids.XML) return JdbcSqlXml.readable(getString(i));
        return decoder.getObject(oid(i), format(i), buf(), valueOffset, valueLength);
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        if (type == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the target class must not be null");
        if (isNull(i)) return null;
        if ((type == Array.class || type == Object.class) && isArray(i)) return type.cast(getArray(i));
        if (type == SQLXML.class) return type.cast(getSQLXML(i));
        return decoder.getObject(oid(i), format(i), buf(), valueOffset, valueLength, type);
    }

    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        if (map == null || map.isEmpty()) return getObject(i);
        throw unsupported("getObject(int, Map) with a type map");
    }

    @Override public String getNString(int i) throws SQLException { return getString(i); }

    @Override
    public Reader getCharacterStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new StringReader(s);
    }

    @Override public Reader getNCharacterStream(int i) throws SQLException { return getCharacterStream(i); }

    @Override
    public InputStream getBinaryStream(int i) throws SQLException {
        byte[] b = getBytes(i);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public InputStream getAsciiStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public URL getURL(int i) throws SQLException {
        String s = getString(i);
        try {
            return s == null ? null : new URL(s);
        } catch (MalformedURLException e) {
            throw SqlExceptions.of(SqlState.INVALID_TEXT_REPRESENTATION, "column " + i + " is not a URL: " + e.getMessage(), e);
        }
    }

    /** The array in column {@code i} as a {@code java.sql.Array}; 22023 when the column is not an array. */
    @Override
    public Array getArray(int i) throws SQLException {
        if (isNull(i)) return null;
        return JdbcArray.of(ArrayCodec.read(oid(i), format(i), buf(), valueOffset, valueLength, decoder.context()), decoder);
    }

    private boolean isArray(int i) { return decoder.context().type(oid(i)).isArray(); }
    @Override public Blob getBlob(int i) throws SQLException { throw unsupported("getBlob"); }
    @Override public Clob getClob(int i) throws SQLException { throw unsupported("getClob"); }
    @Override public NClob getNClob(int i) throws SQLException { throw unsupported("getNClob"); }
    @Override public Ref getRef(int i) throws SQLException { throw unsupported("getRef"); }
    @Override public RowId getRowId(int i) throws SQLException { throw unsupported("getRowId"); }
    /** Any column's text as a readable {@link SQLXML} (the server checks {@code xml} values; others are taken as they are). */
    @Override
    public SQLXML getSQLXML(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : JdbcSqlXml.readable(s);
    }

    // ---- by label --------------------------------------------------------------------------

    @Override public String getString(String c) throws SQLException { return getString(findColumn(c)); }
    @Override public boolean getBoolean(String c) throws SQLException { return getBoolean(findColumn(c)); }
    @Override public byte getByte(String c) throws SQLException { return getByte(findColumn(c)); }
    @Override public short getShort(String c) throws SQLException { return getShort(findColumn(c)); }
    @Override public int getInt(String c) throws SQLException { return getInt(findColumn(c)); }
    @Override public long getLong(String c) throws SQLException { return getLong(findColumn(c)); }
    @Override public float getFloat(String c) throws SQLException { return getFloat(findColumn(c)); }
    @Override public double getDouble(String c) throws SQLException { return getDouble(findColumn(c)); }
    @Override public BigDecimal getBigDecimal(String c) throws SQLException { return getBigDecimal(findColumn(c)); }
    @Override @Deprecated public BigDecimal getBigDecimal(String c, int s) throws SQLException { return getBigDecimal(findColumn(c), s); }
    @Override public byte[] getBytes(String c) throws SQLException { return getBytes(findColumn(c)); }
    @Override public Date getDate(String c) throws SQLException { return getDate(findColumn(c)); }
    @Override public Date getDate(String c, Calendar cal) throws SQLException { return getDate(findColumn(c), cal); }
    @Override public Time getTime(String c) throws SQLException { return getTime(findColumn(c)); }
    @Override public Time getTime(String c, Calendar cal) throws SQLException { return getTime(findColumn(c), cal); }
    @Override public Timestamp getTimestamp(String c) throws SQLException { return getTimestamp(findColumn(c)); }
    @Override public Timestamp getTimestamp(String c, Calendar cal) throws SQLException { return getTimestamp(findColumn(c), cal); }
    @Override public Object getObject(String c) throws SQLException { return getObject(findColumn(c)); }
    @Override public <T> T getObject(String c, Class<T> t) throws SQLException { return getObject(findColumn(c), t); }
    @Override public Object getObject(String c, Map<String, Class<?>> m) throws SQLException { return getObject(findColumn(c), m); }
    @Override public String getNString(String c) throws SQLException { return getNString(findColumn(c)); }
    @Override public Reader getCharacterStream(String c) throws SQLException { return getCharacterStream(findColumn(c)); }
    @Override public Reader getNCharacterStream(String c) throws SQLException { return getNCharacterStream(findColumn(c)); }
    @Override public InputStream getBinaryStream(String c) throws SQLException { return getBinaryStream(findColumn(c)); }
    @Override public InputStream getAsciiStream(String c) throws SQLException { return getAsciiStream(findColumn(c)); }
    @Override @Deprecated public InputStream getUnicodeStream(String c) throws SQLException { return getUnicodeStream(findColumn(c)); }
    @Override public URL getURL(String c) throws SQLException { return getURL(findColumn(c)); }
    @Override public Array getArray(String c) throws SQLException { return getArray(findColumn(c)); }
    @Override public Blob getBlob(String c) throws SQLException { return getBlob(findColumn(c)); }
    @Override public Clob getClob(String c) throws SQLException { return getClob(findColumn(c)); }
    @Override public NClob getNClob(String c) throws SQLException { return getNClob(findColumn(c)); }
    @Override public Ref getRef(String c) throws SQLException { return getRef(findColumn(c)); }
    @Override public RowId getRowId(String c) throws SQLException { return getRowId(findColumn(c)); }
    @Override public SQLXML getSQLXML(String c) throws SQLException { return getSQLXML(findColumn(c)); }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "not a wrapper for " + iface.getName());
    }

    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }

    private void checkOpen() throws SQLException {
        if (closed) throw SqlExceptions.of(SqlState.INVALID_CURSOR_STATE, "the ResultSet is closed");
    }
}
