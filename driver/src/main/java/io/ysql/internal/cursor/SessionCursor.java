package io.ysql.internal.cursor;

import io.ysql.Column;
import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.YsqlConnection;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.CodecRegistry;
import io.ysql.internal.codec.EncodedParameter;
import io.ysql.internal.codec.ParameterEncoder;
import io.ysql.internal.codec.ValueDecoder;
import io.ysql.internal.session.BatchOutcome;
import io.ysql.internal.session.Bindings;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.ResultRows;
import io.ysql.internal.session.Session;
import io.ysql.internal.sql.ParsedSql;
import io.ysql.internal.sql.PyformatPlaceholders;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The psycopg-style cursor over a session: {@code %s} / {@code %(name)s} placeholders become
 * server-side parameters ({@code $n}), results are kept as the server's rows and decoded when a
 * {@link Row} value is read.
 */
public final class SessionCursor implements Cursor {
    private final YsqlConnection connection;
    private final Session session;
    private final ValueDecoder decoder;
    private final ParameterEncoder encoder;
    private QueryResult result;
    private Columns columns;
    private int next;
    private long rowcount = -1;
    private int arraysize = 1;
    private boolean closed;

    public SessionCursor(YsqlConnection connection, Session session, CodecRegistry codecs) {
        this.connection = connection;
        this.session = session;
        this.decoder = codecs.decoder();
        this.encoder = codecs.encoder();
    }

    // ---- execution -------------------------------------------------------------------------

    @Override
    public Cursor execute(String sql, Object... params) throws SQLException {
        ParsedSql parsed = parse(sql);
        if (parsed.hasNamedParameters()) {
            throw SqlExceptions.of(SqlState.SYNTAX_ERROR, "the query uses %(name)s placeholders; pass a Map of values");
        }
        Object[] values = params == null ? new Object[] {null} : params;
        return run(parsed, bind(parsed, Arrays.asList(values)));
    }

    @Override
    public Cursor execute(String sql, Map<String, ?> params) throws SQLException {
        ParsedSql parsed = parse(sql);
        return run(parsed, bind(parsed, params));
    }

    @Override
    public Cursor executemany(String sql, Iterable<?> paramSets) throws SQLException {
        ParsedSql parsed = parse(sql);
        if (paramSets == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "executemany needs parameter sets");
        List<Bindings> batch = new ArrayList<>();
        for (Object set : paramSets) batch.add(bindSet(parsed, set));
        reset();
        if (batch.isEmpty()) return this;
        BatchOutcome outcome = session.executeBatch(parsed.sql(), batch, null);
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
        if (sql == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the SQL text must not be null");
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
        throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "each parameter set must be an Object[], a List or a Map, not "
                + (set == null ? "null" : set.getClass().getName()));
    }

    private Bindings bind(ParsedSql parsed, List<?> values) throws SQLException {
        if (parsed.hasNamedParameters()) {
            throw SqlExceptions.of(SqlState.SYNTAX_ERROR, "the query uses %(name)s placeholders; pass a Map of values");
        }
        if (values.size() != parsed.parameterCount()) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the query has " + parsed.parameterCount()
                    + " placeholder" + (parsed.parameterCount() == 1 ? "" : "s") + " but " + values.size()
                    + " value" + (values.size() == 1 ? " was" : "s were") + " given");
        }
        return encode(values);
    }

    private Bindings bind(ParsedSql parsed, Map<String, ?> params) throws SQLException {
        if (params == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the parameter map must not be null");
        if (parsed.parameterCount() > 0 && !parsed.hasNamedParameters()) {
            throw SqlExceptions.of(SqlState.SYNTAX_ERROR, "the query uses positional %s placeholders; pass the values in order");
        }
        List<Object> values = new ArrayList<>(parsed.parameterCount());
        for (String name : parsed.parameterNames()) {
            if (!params.containsKey(name)) {
                throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "no value given for placeholder %(" + name + ")s");
            }
            values.add(params.get(name));
        }
        return encode(values);
    }

    private Bindings encode(List<?> values) throws SQLException {
        int n = values.size();
        int[] oids = new int[n];
        short[] formats = new short[n];
        byte[][] bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            EncodedParameter p;
            try {
                p = encoder.ofObject(values.get(i));
            } catch (SQLException e) {
                throw ParameterEncoder.atParameter(i + 1, e);
            }
            oids[i] = p.typeOid();
            formats[i] = p.format();
            bytes[i] = p.value();
        }
        return new Bindings(oids, formats, bytes);
    }

    private Cursor run(ParsedSql parsed, Bindings bindings) throws SQLException {
        reset();
        QueryResult r;
        if (parsed.multipleStatements() && bindings.size() == 0) {
            List<QueryResult> all = session.simpleQuery(parsed.sql(), null);
            r = all.isEmpty() ? null : all.get(all.size() - 1);
        } else {
            r = session.execute(parsed.sql(), bindings, 0, null);
        }
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
        if (size < 0) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "fetchmany size must be >= 0, was " + size);
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
            throw SqlExceptions.of(SqlState.INVALID_CURSOR_STATE, result == null
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

    @Override public String statusmessage() { return result == null ? null : result.commandTag(); }
    @Override public YsqlConnection connection() { return connection; }
    @Override public boolean isClosed() { return closed; }

    @Override
    public void close() {
        closed = true;
        reset();
    }

    private void checkOpen() throws SQLException {
        if (closed) throw SqlExceptions.of(SqlState.INVALID_CURSOR_STATE, "the cursor is closed");
        if (connection.isClosed()) throw SqlExceptions.closed("the connection");
    }
}
