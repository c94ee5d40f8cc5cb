package io.ysql.internal.jdbc;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.EncodedParameter;
import io.ysql.internal.codec.ParameterEncoder;
import java.util.TimeZone;
import io.ysql.internal.session.BatchOutcome;
import io.ysql.internal.session.Bindings;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.RowChunks;
import io.ysql.internal.session.RowView;
import io.ysql.internal.session.StatementText;
import io.ysql.internal.sql.MultiRowInsert;
import io.ysql.internal.sql.ParsedSql;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;

/**
 * A {@link PreparedStatement}: {@code ?} placeholders become {@code $n} and every value travels
 * apart from the SQL text in a Bind message, never spliced into it. A batch is sent in one round
 * trip (Parse once, Bind and Execute per row, one Sync); with {@code rewrite_batched_inserts}, a
 * single-row INSERT's batch as multi-row INSERTs ({@link MultiRowInsert}). Like any JDBC statement
 * it is meant for one thread at a time (its parameters are its state); executions reuse its
 * parameter arrays. The scan of its SQL text comes from the connection's {@link ParsedTexts}, with
 * parameter arrays a closed statement of the same text gave back, so a statement prepared per
 * pooled borrow neither scans nor makes arrays again. The stream, reader and LOB setters live in
 * {@link PreparedStatementStreams}.
 */
class JdbcPreparedStatement extends PreparedStatementStreams {
    private static final VarHandle OWN;

    static {
        try {
            OWN = MethodHandles.lookup().findVarHandle(JdbcPreparedStatement.class, "own", Bindings.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private final ParsedTexts.Entry entry;
    private StatementText text; // shared with the entry until this statement sets its own prepare threshold
    private final boolean returnsKeys;
    private final ParsedTexts.ParameterSlots slots;
    private final EncodedParameter[] parameters; // slots.values
    private volatile Bindings own; // taken and put back through OWN: an execution holds it alone
    private long ownInts; // bit k: parameters[k] is an int this statement made and may rewrite in place (k < 64)
    private boolean slotsGiven;
    private volatile boolean binding; // an execution reads the parameters: a close from another thread keeps the slots

    /** @param returning the RETURNING list for generated keys ({@code *} or columns), or null */
    JdbcPreparedStatement(JdbcConnection connection, String sql, String returning) throws SQLException {
        super(connection);
        String text = GeneratedKeys.rewrite(requireSql(sql), returning);
        this.returnsKeys = returning != null && !text.equals(sql);
        this.entry = returning == null ? connection.parsedTexts().of(text) : ParsedTexts.scan(text);
        this.text = entry.text;
        int n = entry.parsed.parameterCount();
        ParsedTexts.ParameterSlots lent = n == 0 ? ParsedTexts.ParameterSlots.NONE : entry.takeSlots();
        this.slots = lent != null ? lent : new ParsedTexts.ParameterSlots(n);
        this.parameters = slots.values;
    }

    /** Refuses a text with several statements and parameters, which the extended protocol cannot run. */
    static void checkOneStatement(ParsedSql parsed) throws SQLException {
        if (parsed.multipleStatements() && parsed.parameterCount() > 0) {
            throw SqlExceptions.of(SqlState.SYNTAX_ERROR, "a prepared statement with parameters must hold one SQL statement, "
                    + "but this text has several; split it or use Statement.execute for parameterless scripts");
        }
    }

    // ---- execution -------------------------------------------------------------------------

    @Override
    public boolean execute() throws SQLException {
        startExecution();
        if (entry.parsed.multipleStatements()) {
            List<QueryResult> all = timed(() -> session().simpleQuery(entry.parsed.sql(), this::addWarning));
            connection.learnTypes(all);
            return setResults(all);
        }
        Bindings b = takeBindings();
        QueryResult r;
        binding = true;
        try {
            fill(b);
            if (fetchSize() > 0 && !returnsKeys) return stream(text.sql(), b);
            if (queryTimeout() == 0) {
                enterExecution();
                try {
                    r = session().execute(text, b, maxRows(), this);
                } finally {
                    exitExecution();
                }
            } else {
                r = timed(() -> session().execute(text, b, maxRows(), this));
            }
        } finally {
            binding = false;
            putBack(b);
        }
        connection.learnTypes(r);
        return returnsKeys ? setResults(keepKeys(List.of(r))) : setResult(r);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        execute();
        return requireResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        execute();
        return updateCountForExecuteUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        execute();
        updateCountForExecuteUpdate();
        return getLargeUpdateCount();
    }

    /** A new set of the bound values, for a batch. */
    private Bindings bindings() throws SQLException {
        int n = parameters.length;
        return fill(new Bindings(new int[n], new short[n], new byte[n][]));
    }

    /**
     * Arrays for the bound values of one execution: this statement's own, else those a closed
     * statement of the same text gave back, else new ones. Held by the execution alone until
     * {@link #putBack}: the session has encoded them into its request before {@code execute}
     * returns, so they are free again then.
     */
    private Bindings takeBindings() {
        Bindings b = (Bindings) OWN.getAndSet(this, null);
        if (b == null) b = entry.takeBindings();
        if (b == null) {
            int n = parameters.length;
            b = new Bindings(new int[n], new short[n], new byte[n][]);
        }
        return b;
    }

    /** Keeps the arrays for the next execution; once the statement is closed, they go to the text's entry. */
    private void putBack(Bindings b) {
        if (isClosed()) {
            giveBack(b);
        } else {
            OWN.setVolatile(this, b);
        }
    }

    private void giveBack(Bindings b) {
        java.util.Arrays.fill(b.values(), null); // no parameter value outlives its statement
        entry.giveBack(b);
    }

    /** Gives the parameter arrays back to the text's entry, unless an execution holds them (it gives them back then). */
    @Override
    public void close() {
        super.close();
        Bindings b = (Bindings) OWN.getAndSet(this, null);
        if (b != null) giveBack(b);
        giveBackSlots();
        RowView v = super.takeView(); // its result sets are closed now
        if (v != null) entry.keepView(v);
    }

    /** Empties the parameter slots and gives them to the text's entry, keeping this statement's ints (zeroed) for reuse. */
    private void giveBackSlots() {
        if (slots == ParsedTexts.ParameterSlots.NONE || slotsGiven || binding) return;
        slotsGiven = true;
        for (int k = 0; k < slots.ints.length; k++) {
            if ((ownInts & (1L << k)) != 0) {
                EncodedParameter p = parameters[k];
                java.util.Arrays.fill(p.value(), (byte) 0);
                slots.ints[k] = p;
            }
        }
        java.util.Arrays.fill(parameters, null);
        ownInts = 0;
        entry.giveBack(slots);
    }

    /** The view this statement's last result set left, else the one a closed statement of the same text left. */
    @Override
    RowView takeView() {
        RowView v = super.takeView();
        return v != null ? v : entry.takeView();
    }

    private Bindings fill(Bindings b) throws SQLException {
        int n = parameters.length;
        int[] oids = b.typeOids();
        short[] formats = b.formats();
        byte[][] values = b.values();
        for (int i = 0; i < n; i++) {
            EncodedParameter p = parameters[i];
            if (p == null) {
                throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "no value given for parameter " + (i + 1)
                        + " of " + n + "; call a set method (setNull for NULL) for every ? before executing");
            }
            oids[i] = p.typeOid();
            formats[i] = p.format();
            values[i] = p.value();
        }
        return b;
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        StatementExtras e = extras();
        if (e.boundBatch == null) e.boundBatch = new ArrayList<>();
        e.boundBatch.add(bindings());
        ownInts = 0; // the batch holds their bytes now
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        if (extras != null) extras.boundBatch = null;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        startExecution();
        List<Bindings> rows = extras == null || extras.boundBatch == null ? List.of() : extras.boundBatch;
        if (extras != null) extras.boundBatch = null;
        if (rows.isEmpty()) return new long[0];
        MultiRowInsert insert = rows.size() > 1 && !returnsKeys && session().statementSettings().rewriteBatchedInserts()
                ? multiRowInsert() : null;
        if (insert != null) return executeRewritten(insert, rows);
        BatchOutcome outcome = timed(() -> session().executeBatch(Collections.nCopies(rows.size(), entry.parsed.sql()), rows,
                text.prepareThreshold(), this::addWarning));
        Batches.Collector collector = new Batches.Collector(rows.size());
        outcome.results().forEach(collector::add);
        if (!outcome.succeeded()) {
            throw collector.failure(outcome.failure(), "batch entry " + (outcome.failedIndex() + 1) + " of " + rows.size() + " failed");
        }
        return collector.counts();
    }

    /** The batch as multi-row INSERTs (rewrite_batched_inserts). */
    private long[] executeRewritten(MultiRowInsert insert, List<Bindings> rows) throws SQLException {
        RowChunks chunks = RowChunks.of(rows, insert.chunks(rows.size()), insert::sql);
        BatchOutcome outcome = timed(() -> session().executeBatch(chunks.texts(), chunks.bindings(),
                text.prepareThreshold(), this::addWarning));
        if (outcome.succeeded()) return chunks.rowCounts(outcome.results());
        int c = outcome.failedIndex();
        SQLException cause = outcome.failure();
        String what = "batch entries " + (chunks.firstRowOf(c) + 1) + " to " + (chunks.firstRowOf(c) + chunks.rowsIn(c))
                + " of " + rows.size() + ", sent as one multi-row INSERT, failed";
        throw new BatchUpdateException(what + ": " + cause.getMessage(), cause.getSQLState(), 0, chunks.failedCounts(), cause);
    }

    private MultiRowInsert multiRowInsert() {
        return entry.multiRowInsert();
    }

    @Override
    public void setPrepareThreshold(int threshold) throws SQLException {
        super.setPrepareThreshold(threshold);
        if (text == entry.text) text = new StatementText(entry.parsed.sql()); // the shared text keeps the connection's
        text.prepareThreshold(threshold < 0 ? 1 : threshold);
    }

    @Override
    public void addBatch(String sql) throws SQLException { throw notOnPrepared("addBatch(String)"); }
    @Override public boolean execute(String sql) throws SQLException { throw notOnPrepared("execute(String)"); }
    @Override public ResultSet executeQuery(String sql) throws SQLException { throw notOnPrepared("executeQuery(String)"); }
    @Override public int executeUpdate(String sql) throws SQLException { throw notOnPrepared("executeUpdate(String)"); }

    private static SQLException notOnPrepared(String method) {
        return SqlExceptions.of(SqlState.WRONG_OBJECT_TYPE, method
                + " cannot be called on a PreparedStatement; use the method without SQL text, or a Statement");
    }

    // ---- parameters ------------------------------------------------------------------------

    @Override
    final void set(int index, EncodedParameter p) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameters.length) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "parameter index " + index + " is out of range; the statement has "
                    + parameters.length + " parameter" + (parameters.length == 1 ? "" : "s"));
        }
        parameters[index - 1] = p;
        if (index <= 64) ownInts &= ~(1L << (index - 1));
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        java.util.Arrays.fill(parameters, null);
        ownInts = 0;
    }

    @Override public void setNull(int i, int sqlType) throws SQLException { set(i, connection.encoder().ofNull(sqlType)); }
    @Override public void setNull(int i, int sqlType, String typeName) throws SQLException { setNull(i, sqlType); }
    @Override public void setBoolean(int i, boolean x) throws SQLException { set(i, connection.encoder().ofBoolean(x)); }
    @Override public void setByte(int i, byte x) throws SQLException { set(i, connection.encoder().ofShort(x)); }
    @Override public void setShort(int i, short x) throws SQLException { set(i, connection.encoder().ofShort(x)); }
    /**
     * An int is written into the bytes of the int this parameter had before, when those are this
     * statement's own (not yet handed to a batch): a point query by id allocates nothing here.
     */
    @Override
    public void setInt(int i, int x) throws SQLException {
        checkOpen(); // before any slot is touched: a closed statement's slots belong to another
        EncodedParameter own = i >= 1 && i <= 64 && (ownInts & (1L << (i - 1))) != 0 ? parameters[i - 1] : null;
        if (own == null && i >= 1 && i <= slots.ints.length && slots.ints[i - 1] != null) {
            own = slots.ints[i - 1]; // an int a closed statement of this text made
            slots.ints[i - 1] = null;
            parameters[i - 1] = own;
            ownInts |= 1L << (i - 1);
        }
        if (own == null) {
            own = connection.encoder().ofInt(x);
            set(i, own);
            if (i <= 64) ownInts |= 1L << (i - 1);
            return;
        }
        byte[] b = own.value();
        b[0] = (byte) (x >>> 24);
        b[1] = (byte) (x >>> 16);
        b[2] = (byte) (x >>> 8);
        b[3] = (byte) x;
        parameters[i - 1] = own;
    }
    @Override public void setLong(int i, long x) throws SQLException { set(i, connection.encoder().ofLong(x)); }
    @Override public void setFloat(int i, float x) throws SQLException { set(i, connection.encoder().ofFloat(x)); }
    @Override public void setDouble(int i, double x) throws SQLException { set(i, connection.encoder().ofDouble(x)); }
    @Override public void setBigDecimal(int i, BigDecimal x) throws SQLException { set(i, connection.encoder().ofObject(x)); }
    @Override public void setNString(int i, String x) throws SQLException { setString(i, x); }

    /** Typed {@code varchar}, or untyped under {@code stringtype=unspecified}; NUL and unpaired surrogates raise 22021. */
    @Override
    public void setString(int i, String x) throws SQLException {
        try {
            set(i, x == null ? EncodedParameter.NULL : connection.encoder().ofString(x));
        } catch (SQLException e) {
            throw ParameterEncoder.atParameter(i, e);
        }
    }
    @Override public void setBytes(int i, byte[] x) throws SQLException { set(i, connection.encoder().ofObject(x)); }
    @Override public void setDate(int i, Date x) throws SQLException { set(i, connection.encoder().ofObject(x)); }
    @Override public void setTime(int i, Time x) throws SQLException { set(i, connection.encoder().ofObject(x)); }
    @Override public void setTimestamp(int i, Timestamp x) throws SQLException { set(i, connection.encoder().ofObject(x)); }
    @Override public void setDate(int i, Date x, Calendar cal) throws SQLException { set(i, connection.encoder().ofDate(x, zone(cal))); }
    @Override public void setTime(int i, Time x, Calendar cal) throws SQLException { set(i, connection.encoder().ofTime(x, zone(cal))); }
    @Override public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException { set(i, connection.encoder().ofTimestamp(x, zone(cal))); }
    /** A {@code String} (or {@code Character}) as {@link #setString}; an {@code SQLXML} as {@link #setSQLXML}; anything else typed after its class. */
    @Override
    public void setObject(int i, Object x) throws SQLException {
        if (x instanceof String s) {
            setString(i, s);
        } else if (x instanceof Character c) {
            setString(i, c.toString());
        } else if (x instanceof SQLXML xml) {
            setSQLXML(i, xml);
        } else {
            set(i, connection.encoder().ofObject(x));
        }
    }

    @Override
    public void setObject(int i, Object x, int sqlType) throws SQLException {
        if (x instanceof SQLXML xml) {
            setSQLXML(i, xml);
            return;
        }
        try {
            set(i, connection.encoder().ofObject(x, sqlType));
        } catch (SQLException e) {
            throw ParameterEncoder.atParameter(i, e);
        }
    }

    /** Sends the value's text typed {@code xml}; the server checks it is well-formed. */
    @Override
    public void setSQLXML(int i, SQLXML x) throws SQLException {
        String text = x == null ? null : x instanceof JdbcSqlXml own ? own.textToSend() : x.getString();
        set(i, connection.encoder().ofObject(text, java.sql.Types.SQLXML));
    }

    /** An array of this driver is sent as it is, with its own type; any other {@code java.sql.Array} by its base type name and elements. */
    @Override
    public void setArray(int i, Array x) throws SQLException {
        set(i, x instanceof JdbcArray a ? a.parameter() : x == null ? connection.encoder().ofNull(java.sql.Types.ARRAY) : connection.encoder().ofObject(x));
    }

    @Override
    public void setObject(int i, Object x, int sqlType, int scaleOrLength) throws SQLException {
        if (x instanceof BigDecimal d && (sqlType == java.sql.Types.NUMERIC || sqlType == java.sql.Types.DECIMAL)) {
            x = d.setScale(scaleOrLength, java.math.RoundingMode.HALF_UP);
        }
        setObject(i, x, sqlType);
    }

    private static TimeZone zone(Calendar cal) { return cal == null ? null : cal.getTimeZone(); }

    @Override
    public void setURL(int i, URL x) throws SQLException { set(i, connection.encoder().ofObject(x == null ? null : x.toString())); }

    // ---- metadata --------------------------------------------------------------------------

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        ResultSet rs = getResultSet();
        return rs == null ? null : rs.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "parameter metadata is not supported yet");
    }
}
