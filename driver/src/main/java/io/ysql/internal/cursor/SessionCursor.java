package io.ysql.internal.cursor;

import io.ysql.Column;
import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.YsqlConnection;
import io.ysql.errors.Errors;
import io.ysql.errors.InterfaceError;
import io.ysql.errors.ProgrammingError;
import io.ysql.error.SqlState;
import io.ysql.internal.catalog.CodecOverlay;
import io.ysql.internal.catalog.TypeCatalog;
import io.ysql.internal.codec.CodecRegistry;
import io.ysql.internal.codec.ParameterEncoder;
import io.ysql.internal.codec.UserCodecAdapter;
import io.ysql.internal.codec.ValueDecoder;
import io.ysql.internal.session.BatchOutcome;
import io.ysql.internal.session.Bindings;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.ResultRows;
import io.ysql.internal.session.RowChunks;
import io.ysql.internal.session.Session;
import io.ysql.internal.sql.MultiRowInsert;
import io.ysql.internal.sql.ParsedSql;
import io.ysql.internal.sql.PyformatPlaceholders;
import io.ysql.types.Codec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The psycopg-style cursor over a session: {@code %s} / {@code %(name)s} placeholders become
 * server-side parameters ({@code $n}), results are kept as the server's rows and decoded when a
 * {@link Row} value is read.
 */
public final class SessionCursor implements Cursor {
    private final YsqlConnection connection;
    private final Session session;
    private ValueDecoder decoder;
    private ParameterEncoder encoder;
    private final TypeCatalog catalog;
    private final boolean untypedStrings;
    private CodecOverlay overlay;
    private QueryResult result;
    private Columns columns;
    private int next;
    private long rowcount = -1;
    private int arraysize = 1;
    private int itersize = 2000;
    private String query;
    private boolean closed;
    private volatile Object running;

    public SessionCursor(YsqlConnection connection, Session session, CodecRegistry codecs, TypeCatalog catalog) {
        this.connection = connection;
        this.catalog = catalog;
        this.session = session;
        this.decoder = codecs.decoder();
        this.encoder = codecs.encoder();
        this.untypedStrings = codecs.encoder().untypedStrings();
    }

    /** The session this cursor runs on. */
    Session session() { return session; }

    // ---- execution -------------------------------------------------------------------------

    @Override
    public Cursor execute(String sql, Object... params) throws SQLException {
        try {
            return executePositional(sql, params);
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    @Override
    public Cursor execute(String sql, Map<String, ?> params) throws SQLException {
        try {
            ParsedSql parsed = parse(sql);
            return run(parsed, bind(parsed, params));
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    @Override
    public Cursor executemany(String sql, Iterable<?> paramSets) throws SQLException {
        try {
            return executeBatch(sql, paramSets);
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    private Cursor executePositional(String sql, Object... params) throws SQLException {
        ParsedSql parsed = parse(sql);
        if (parsed.hasNamedParameters()) {
            throw misuse(SqlState.SYNTAX_ERROR, "the query uses %(name)s placeholders; pass a Map of values");
        }
        Object[] values = params == null ? new Object[] {null} : params;
        return run(parsed, bind(parsed, Arrays.asList(values)));
    }

    private Cursor executeBatch(String sql, Iterable<?> paramSets) throws SQLException {
        ParsedSql parsed = parse(sql);
        if (paramSets == null) throw misuse(SqlState.INVALID_PARAMETER_VALUE, "executemany needs parameter sets");
        List<Bindings> batch = new ArrayList<>();
        for (Object set : paramSets) batch.add(bindSet(parsed, set));
        reset();
        query = parsed.sql();
        if (batch.isEmpty()) return this;
        Optional<MultiRowInsert> insert = batch.size() > 1 && session.statementSettings().rewriteBatchedInserts()
                ? MultiRowInsert.of(parsed.sql(), parsed.parameterCount()) : Optional.empty();
        BatchOutcome outcome;
        begin();
        try {
            if (insert.isPresent()) {
                RowChunks chunks = RowChunks.of(batch, insert.get().chunks(batch.size()), insert.get()::sql);
                outcome = session.executeBatch(chunks.texts(), chunks.bindings(), -1, null);
            } else {
                outcome = session.executeBatch(parsed.sql(), batch, null);
            }
        } finally {
            end();
        }
        if (!outcome.succeeded()) throw outcome.failure();
        long total = 0;
        boolean known = false;
        for (QueryResult r : outcome.results()) {
            if (r.rowCount() >= 0) {
                total += r.rowCount();
                known = true;
            }
        }
        rowcount = known ? total : -1;
        return this;
    }

    private ParsedSql parse(String sql) throws SQLException {
        checkOpen();
        if (sql == null) throw misuse(SqlState.INVALID_PARAMETER_VALUE, "the SQL text must not be null");
        return PyformatPlaceholders.parse(sql);
    }

    private Bindings bindSet(ParsedSql parsed, Object set) throws SQLException {
        if (set instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, ?> named = (Map<String, ?>) m;
            return bind(parsed, named);
        }
        if (set instanceof Object[] a) return bind(parsed, Arrays.asList(a));
        if (set instanceof List<?> l) return bind(parsed, l);
        throw misuse(SqlState.INVALID_PARAMETER_VALUE, "each parameter set must be an Object[], a List or a Map, not "
                + (set == null ? "null" : set.getClass().getName()));
    }

    private Bindings bind(ParsedSql parsed, List<?> values) throws SQLException {
        return new PyformatBinder(encoder).positional(parsed, values);
    }

    private Bindings bind(ParsedSql parsed, Map<String, ?> params) throws SQLException {
        return new PyformatBinder(encoder).named(parsed, params);
    }

    private Cursor run(ParsedSql parsed, Bindings bindings) throws SQLException {
        reset();
        query = parsed.sql();
        QueryResult r;
        begin();
        try {
            if (parsed.multipleStatements() && bindings.size() == 0) {
                List<QueryResult> all = session.simpleQuery(parsed.sql(), null);
                r = all.isEmpty() ? null : all.get(all.size() - 1);
            } else {
                r = session.execute(parsed.sql(), bindings, 0, null);
            }
        } finally {
            end();
        }
        if (r != null) catalog.learn(r);
        if (overlay != null) overlay.resolvePending();
        result = r;
        if (r != null && r.hasRows()) {
            columns = new Columns(r.description().fields(), decoder);
            rowcount = r.rows().size();
        } else if (r != null) {
            rowcount = r.rowCount();
        }
        return this;
    }

    private void reset() {
        result = null;
        columns = null;
        next = 0;
        rowcount = -1;
    }

    // ---- fetching --------------------------------------------------------------------------

    @Override
    public Row fetchone() throws SQLException {
        ResultRows rows = rows();
        return next < rows.size() ? new CursorRow(rows, next++, columns) : null;
    }

    @Override
    public List<Row> fetchmany(int size) throws SQLException {
        if (size < 0) throw misuse(SqlState.INVALID_PARAMETER_VALUE, "fetchmany size must be >= 0, was " + size);
        ResultRows rows = rows();
        int end = (int) Math.min(rows.size(), (long) next + size);
        List<Row> out = new ArrayList<>(end - next);
        while (next < end) out.add(new CursorRow(rows, next++, columns));
        return out;
    }

    @Override public List<Row> fetchmany() throws SQLException { return fetchmany(arraysize); }

    @Override
    public List<Row> fetchall() throws SQLException { return fetchmany(Integer.MAX_VALUE); }

    private ResultRows rows() throws SQLException {
        checkOpen();
        if (result == null || !result.hasRows()) {
            throw misuse(SqlState.INVALID_CURSOR_STATE, result == null
                    ? "no results to fetch: execute a query first"
                    : "no results to fetch: the last statement (" + result.command() + ") returned no rows");
        }
        return result.rows();
    }

    // ---- state -----------------------------------------------------------------------------

    @Override public List<Column> description() { return columns == null ? null : columns.description(); }
    @Override public long rowcount() { return rowcount; }
    @Override public long rownumber() { return result == null || !result.hasRows() ? -1 : next; }
    @Override public int arraysize() { return arraysize; }

    @Override
    public void arraysize(int size) {
        if (size < 1) throw new IllegalArgumentException("arraysize must be at least 1, was " + size);
        arraysize = size;
    }

    @Override
    public void scroll(long value, String mode) throws SQLException {
        ResultRows rows = rows();
        long target;
        if ("relative".equals(mode)) target = next + value;
        else if ("absolute".equals(mode)) target = value;
        else throw misuse(SqlState.INVALID_PARAMETER_VALUE, "scroll mode must be \"relative\" or \"absolute\", not " + mode);
        if (target < 0 || target > rows.size()) {
            throw misuse(SqlState.INVALID_PARAMETER_VALUE, "scroll destination " + target + " is outside the result of "
                    + rows.size() + " row(s)");
        }
        next = (int) target;
    }

    /** Marks what this execution submits, so {@link #cancel()} reaches it and nothing after it. */
    private void begin() {
        Object execution = new Object();
        running = execution;
        session.beginScope(execution);
    }

    private void end() {
        session.endScope();
        running = null;
    }

    /** Cancels the statement this cursor runs, if it still runs; see {@link Session#cancel(Object)}. */
    @Override
    public void cancel() throws SQLException {
        Object execution = running;
        if (execution == null) return;
        try {
            session.cancel(execution);
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    @Override public String query() { return query; }
    @Override public int itersize() { return itersize; }

    @Override
    public void itersize(int rows) {
        if (rows < 1) throw new IllegalArgumentException("itersize must be at least 1, was " + rows);
        itersize = rows;
    }

    /**
     * Lays {@code codec} over the connection's codecs for this cursor only; its type name is
     * looked up now (42704 when there is no such type).
     */
    @Override
    public void registerCodec(Codec<?> codec) throws SQLException {
        checkOpen();
        if (codec == null || codec.typeName() == null || codec.javaType() == null) {
            throw misuse(SqlState.INVALID_PARAMETER_VALUE, "the codec must not be null and must name a type "
                    + "(typeName()) and a Java class (javaType())");
        }
        CodecOverlay next = overlay != null ? overlay : new CodecOverlay(catalog);
        try {
            next.register(new UserCodecAdapter(codec));
        } catch (SQLException e) {
            throw Errors.from(e);
        }
        if (overlay == null) {
            overlay = next;
            CodecRegistry codecs = CodecRegistry.of(next, untypedStrings);
            decoder = codecs.decoder();
            encoder = codecs.encoder();
        }
    }

    @Override public String statusmessage() { return result == null ? null : result.commandTag(); }
    @Override public YsqlConnection connection() { return connection; }
    @Override public boolean isClosed() { return closed; }

    @Override
    public void close() {
        closed = true;
        reset();
    }

    private void checkOpen() throws SQLException {
        if (closed) throw new InterfaceError("the cursor is closed", SqlState.INVALID_CURSOR_STATE, null, null);
        if (connection.isClosed()) {
            throw new InterfaceError("the connection is closed", SqlState.CONNECTION_DOES_NOT_EXIST, null, null);
        }
    }

    /** A misuse of the cursor, raised as psycopg does: a {@link ProgrammingError}. */
    private static ProgrammingError misuse(String sqlState, String message) {
        return new ProgrammingError(message, sqlState, null, null);
    }
}
