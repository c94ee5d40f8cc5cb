package io.ysql.internal.cursor;

import io.ysql.Column;
import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.YsqlConnection;
import io.ysql.error.SqlState;
import io.ysql.errors.Errors;
import io.ysql.errors.InterfaceError;
import io.ysql.errors.ProgrammingError;
import io.ysql.internal.session.Session;
import io.ysql.internal.session.TransactionStatus;
import io.ysql.internal.sql.SqlQuoting;
import io.ysql.types.Codec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A named server-side cursor, as psycopg2's {@code connection.cursor(name)}: {@code execute}
 * declares it ({@code DECLARE name [NO] SCROLL CURSOR [WITH HOLD] FOR ...}), fetches read it with
 * {@code FETCH FORWARD n}, iteration {@link #itersize()} rows at a time, {@code scroll} moves it
 * with {@code MOVE}, and {@code close} closes it on the server. Only the rows of the last fetch
 * are held. The statements run through a plain cursor, so rows decode exactly as its rows do.
 */
public final class NamedCursor implements Cursor {
    private final SessionCursor plain;
    private final Session session;
    private final String name; // quoted, with % doubled for the placeholder scanner
    private final boolean withhold;
    private final Boolean scrollable;
    private final List<Row> buffered = new ArrayList<>(); // fetched for iteration, not yet handed out
    private int bufferedNext;
    private boolean declared;
    private long blockEpoch;
    private List<Column> description;
    private long rownumber;
    private long fetched;
    private int arraysize = 1;
    private int itersize = 2000;
    private boolean closed;

    private NamedCursor(SessionCursor plain, String name, boolean withhold, Boolean scrollable) {
        this.plain = plain;
        this.session = plain.session();
        this.name = name;
        this.withhold = withhold;
        this.scrollable = scrollable;
    }

    /**
     * A named cursor over {@code plain}, a cursor of this driver; {@code scrollable} null leaves
     * the server's default (SCROLL when the plan allows it cheaply), true asks SCROLL, false NO SCROLL.
     */
    public static Cursor over(Cursor plain, String name, boolean withhold, Boolean scrollable) throws SQLException {
        if (!(plain instanceof SessionCursor c)) {
            throw new InterfaceError("named cursors need a cursor of this driver", SqlState.FEATURE_NOT_SUPPORTED, null, null);
        }
        if (name == null || name.isEmpty()) {
            throw new ProgrammingError("a named cursor needs a non-empty name", SqlState.INVALID_PARAMETER_VALUE, null, null);
        }
        try {
            return new NamedCursor(c, SqlQuoting.quoteIdentifier(name).replace("%", "%%"), withhold, scrollable);
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    // ---- execution -------------------------------------------------------------------------

    @Override
    public Cursor execute(String sql, Object... params) throws SQLException {
        plain.execute(declare(sql), params);
        declared();
        return this;
    }

    @Override
    public Cursor execute(String sql, Map<String, ?> params) throws SQLException {
        plain.execute(declare(sql), params);
        declared();
        return this;
    }

    private String declare(String sql) throws SQLException {
        checkOpen();
        if (declared) {
            throw misuse(SqlState.INVALID_CURSOR_STATE, "execute() was already called on this named cursor; a named "
                    + "cursor runs one query: open a new cursor for the next one");
        }
        if (sql == null) throw misuse(SqlState.INVALID_PARAMETER_VALUE, "the SQL text must not be null");
        if (!withhold && session.autoCommit() && session.transactionStatus() == TransactionStatus.IDLE) {
            throw misuse(SqlState.NO_ACTIVE_SQL_TRANSACTION, "a named cursor without withhold lives in a transaction, "
                    + "but the connection is in autocommit mode outside one: open conn.transaction(), call "
                    + "setAutoCommit(false), or create the cursor with withhold = true");
        }
        String scroll = scrollable == null ? "" : scrollable ? " SCROLL" : " NO SCROLL";
        return "DECLARE " + name + scroll + " CURSOR" + (withhold ? " WITH HOLD" : "") + " FOR " + sql;
    }

    private void declared() {
        declared = true;
        blockEpoch = session.blocksEnded();
        rownumber = 0;
        fetched = 0;
    }

    @Override
    public Cursor executemany(String sql, Iterable<?> paramSets) throws SQLException {
        throw misuse(SqlState.FEATURE_NOT_SUPPORTED, "executemany() cannot run on a named cursor; use a plain cursor");
    }

    // ---- fetching --------------------------------------------------------------------------

    @Override
    public Row fetchone() throws SQLException {
        if (bufferedNext < buffered.size()) return takeBuffered();
        List<Row> rows = fetch("FORWARD 1");
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public List<Row> fetchmany(int size) throws SQLException {
        if (size < 0) throw misuse(SqlState.INVALID_PARAMETER_VALUE, "fetchmany size must be >= 0, was " + size);
        List<Row> out = new ArrayList<>();
        while (out.size() < size && bufferedNext < buffered.size()) out.add(takeBuffered());
        if (out.size() < size) out.addAll(fetch("FORWARD " + (size - out.size())));
        return out;
    }

    @Override public List<Row> fetchmany() throws SQLException { return fetchmany(arraysize); }

    @Override
    public List<Row> fetchall() throws SQLException {
        List<Row> out = new ArrayList<>();
        while (bufferedNext < buffered.size()) out.add(takeBuffered());
        out.addAll(fetch("FORWARD ALL"));
        return out;
    }

    /** Rows {@link #itersize()} at a time: only those are held. */
    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (bufferedNext < buffered.size()) return true;
                try {
                    buffered.clear();
                    bufferedNext = 0;
                    List<Row> rows = fetch("FORWARD " + itersize);
                    rownumber -= rows.size(); // counted as they are handed out
                    buffered.addAll(rows);
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                return !buffered.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return takeBuffered();
            }
        };
    }

    private Row takeBuffered() {
        rownumber++;
        return buffered.get(bufferedNext++);
    }

    private List<Row> fetch(String direction) throws SQLException {
        checkDeclared();
        plain.execute("FETCH " + direction + " FROM " + name);
        if (plain.description() != null) description = plain.description();
        List<Row> rows = plain.fetchall();
        rownumber += rows.size();
        fetched += rows.size();
        return rows;
    }

    @Override
    public void scroll(long value, String mode) throws SQLException {
        checkDeclared();
        long unread = buffered.size() - bufferedNext; // the server is that far ahead
        buffered.clear();
        bufferedNext = 0;
        if ("relative".equals(mode)) {
            plain.execute("MOVE " + (value - unread) + " FROM " + name);
            rownumber += value;
        } else if ("absolute".equals(mode)) {
            plain.execute("MOVE ABSOLUTE " + value + " FROM " + name);
            rownumber = value;
        } else {
            throw misuse(SqlState.INVALID_PARAMETER_VALUE, "scroll mode must be \"relative\" or \"absolute\", not " + mode);
        }
    }

    // ---- state -----------------------------------------------------------------------------

    /** The columns, known after the first fetch (as in psycopg2), or null. */
    @Override public List<Column> description() { return description; }
    /** Rows fetched from the server so far. */
    @Override public long rowcount() { return declared ? fetched : -1; }
    @Override public long rownumber() { return declared ? rownumber : -1; }
    @Override public int arraysize() { return arraysize; }

    @Override
    public void arraysize(int size) {
        if (size < 1) throw new IllegalArgumentException("arraysize must be at least 1, was " + size);
        arraysize = size;
    }

    @Override public int itersize() { return itersize; }

    @Override
    public void itersize(int rows) {
        if (rows < 1) throw new IllegalArgumentException("itersize must be at least 1, was " + rows);
        itersize = rows;
    }

    @Override public String query() { return plain.query(); }
    @Override public void registerCodec(Codec<?> codec) throws SQLException { plain.registerCodec(codec); }
    @Override public String statusmessage() { return plain.statusmessage(); }
    @Override public YsqlConnection connection() { return plain.connection(); }
    @Override public boolean isClosed() { return closed; }

    /**
     * Closes the cursor on the server while it exists there: always WITH HOLD, else until its
     * transaction ends (which closed it already).
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        buffered.clear();
        boolean alive = withhold || (session.blocksEnded() == blockEpoch
                && session.transactionStatus() == TransactionStatus.IN_TRANSACTION);
        if (declared && alive && !session.isClosed()) {
            try {
                session.control("CLOSE " + name.replace("%%", "%"), null);
            } catch (SQLException e) {
                System.getLogger("io.ysql.internal.cursor").log(System.Logger.Level.DEBUG, "closing a named cursor failed", e);
            }
        }
        plain.close();
    }

    private void checkDeclared() throws SQLException {
        checkOpen();
        if (!declared) throw misuse(SqlState.INVALID_CURSOR_STATE, "no results to fetch: execute a query first");
    }

    private void checkOpen() throws SQLException {
        if (closed) throw new InterfaceError("the cursor is closed", SqlState.INVALID_CURSOR_STATE, null, null);
        if (plain.connection().isClosed()) {
            throw new InterfaceError("the connection is closed", SqlState.CONNECTION_DOES_NOT_EXIST, null, null);
        }
    }

    private static ProgrammingError misuse(String sqlState, String message) {
        return new ProgrammingError(message, sqlState, null, null);
    }

    /** Shows the name only. */
    @Override
    public String toString() { return "NamedCursor[" + name.replace("%%", "%") + "]"; }
}
