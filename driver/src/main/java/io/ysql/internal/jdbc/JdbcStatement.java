package io.ysql.internal.jdbc;

import io.ysql.YsqlStatement;
import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.session.BatchOutcome;
import io.ysql.internal.session.Bindings;
import io.ysql.internal.session.CancelScope;
import io.ysql.internal.session.PortalStream;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.ResultRows;
import io.ysql.internal.session.RowView;
import io.ysql.internal.session.Session;
import io.ysql.internal.sql.JdbcPlaceholders;
import io.ysql.internal.sql.ParsedSql;
import io.ysql.internal.wire.backend.RowDescription;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link Statement}: SQL text without parameters, sent with the simple query protocol so one
 * string may hold several statements; {@link #getMoreResults()} walks their results in order. The
 * statement is the {@link CancelScope} of its executions: each is numbered before it writes, and
 * {@link #cancel()} and the query timeout target only the execution they were decided for. It is
 * also where its executions' notices go ({@link #accept}), as its warnings, so a run needs no
 * callback object. It is about 600 lines because it is the base of the prepared statement and
 * carries the whole JDBC {@code Statement} surface; its rarely used state already lives in
 * {@link StatementExtras}, and the settings' getters and setters are the next part to move out.
 */
class JdbcStatement implements YsqlStatement, CancelScope, Consumer<ServerError> {
    private static final VarHandle EXECUTIONS;

    static {
        try {
            EXECUTIONS = MethodHandles.lookup().findVarHandle(JdbcStatement.class, "execution", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final JdbcConnection connection;
    private List<QueryResult> results = List.of(); // null when the execution had one result: onlyResult
    private QueryResult onlyResult;
    private int current;
    private JdbcResultSet currentResultSet;
    private JdbcResultSet openResultSet; // the one open result set, as usual; more go in the extras
    StatementExtras extras; // made when a rarely set part leaves its default
    private boolean closed;
    /** Odd while an execution runs (then it is that execution's number), even between executions; bumped through EXECUTIONS. */
    private volatile long execution;
    private RowView spareView; // the view of the last closed result set, for the next one
    JdbcStatement prevOpen; // the connection's list of open statements (OpenStatements), under its lock
    JdbcStatement nextOpen;
    boolean linked;

    JdbcStatement(JdbcConnection connection) {
        this.connection = connection;
        int fetchSize = connection.defaultFetchSize();
        if (fetchSize != 0) extras().fetchSize = fetchSize;
    }

    /** The rows of the first result still to come, or null; a result set takes them, or they are closed. */
    private PortalStream takeStream() {
        StatementExtras e = extras;
        if (e == null) return null;
        PortalStream s = e.stream;
        e.stream = null;
        return s;
    }

    /** The rarely set parts, made on first need. */
    final StatementExtras extras() {
        StatementExtras e = extras;
        if (e == null) {
            e = new StatementExtras();
            extras = e;
        }
        return e;
    }

    final int maxRows() {
        StatementExtras e = extras;
        return e == null ? 0 : e.maxRows;
    }

    final int fetchSize() {
        StatementExtras e = extras;
        return e == null ? 0 : e.fetchSize;
    }

    final int queryTimeout() {
        StatementExtras e = extras;
        return e == null ? 0 : e.queryTimeout;
    }

    // ---- execution -------------------------------------------------------------------------

    @Override
    public boolean execute(String sql) throws SQLException {
        return execute(sql, (String) null);
    }

    /** Runs {@code sql}; with {@code returning}, a DML statement returns its generated keys. */
    private boolean execute(String sql, String returning) throws SQLException {
        startExecution();
        String text = GeneratedKeys.rewrite(requireSql(sql), returning);
        if (returning == null && fetchSize() > 0) {
            ParsedSql parsed = JdbcPlaceholders.parse(text);
            // one statement with no '?' in it streams; a script, or text with '?' operators, is read at once
            if (parsed.parameterCount() == 0 && !parsed.multipleStatements()) return stream(text, Bindings.NONE);
        }
        List<QueryResult> r = timed(() -> session().simpleQuery(text, this::addWarning));
        connection.learnTypes(r);
        if (returning != null && !text.equals(sql)) r = keepKeys(r);
        return setResults(maxRows() > 0 ? limit(r) : r);
    }

    /**
     * Runs one statement whose rows arrive in chunks of the fetch size (at most maxRows); the
     * first result set reads them as it goes.
     */
    final boolean stream(String sql, Bindings bindings) throws SQLException {
        int maxRows = maxRows();
        int fetchSize = fetchSize();
        int chunk = maxRows > 0 ? Math.min(fetchSize, maxRows) : fetchSize;
        PortalStream s = timed(() -> session().stream(sql, bindings, chunk, this::addWarning));
        QueryResult first = s.first();
        connection.learnTypes(List.of(first));
        boolean rows = setResults(maxRows > 0 ? limit(List.of(first)) : List.of(first));
        if (!s.isFinished()) extras().stream = s;
        return rows;
    }

    /** Takes the rows RETURNING produced as the generated keys; the statement reports its update count. */
    final List<QueryResult> keepKeys(List<QueryResult> r) {
        if (r.size() != 1 || !r.get(0).hasRows()) return r;
        QueryResult q = r.get(0);
        extras().generatedKeys = q;
        return List.of(new QueryResult(null, ResultRows.empty(), q.commandTag(), q.rowCount(), false));
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        execute(sql);
        return requireResultSet();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        execute(sql);
        return updateCountForExecuteUpdate();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        execute(sql);
        return largeUpdateCount(result(0));
    }

    @Override public boolean execute(String sql, int keys) throws SQLException { return execute(sql, returning(keys)); }
    @Override public boolean execute(String sql, int[] columns) throws SQLException { throw keysByIndex(); }
    @Override public boolean execute(String sql, String[] columns) throws SQLException { return execute(sql, GeneratedKeys.columns(columns)); }

    @Override
    public int executeUpdate(String sql, int keys) throws SQLException {
        execute(sql, returning(keys));
        return updateCountForExecuteUpdate();
    }

    @Override public int executeUpdate(String sql, int[] columns) throws SQLException { throw keysByIndex(); }

    @Override
    public int executeUpdate(String sql, String[] columns) throws SQLException {
        execute(sql, GeneratedKeys.columns(columns));
        return updateCountForExecuteUpdate();
    }

    /** The RETURNING list for an autoGeneratedKeys flag: {@code *}, or null for none. */
    static String returning(int keys) throws SQLException {
        if (keys == RETURN_GENERATED_KEYS) return GeneratedKeys.ALL;
        if (keys != NO_GENERATED_KEYS) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "autoGeneratedKeys must be RETURN_GENERATED_KEYS or NO_GENERATED_KEYS");
        }
        return null;
    }

    static SQLException keysByIndex() {
        return SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED,
                "generated keys by column index are not supported; name the columns (String[]) or use RETURN_GENERATED_KEYS");
    }

    /** The rows the last statement's RETURNING produced, or an empty result when it asked for none. */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        QueryResult generatedKeys = extras == null ? null : extras.generatedKeys;
        QueryResult keys = generatedKeys != null ? generatedKeys
                : new QueryResult(new RowDescription(new RowDescription.Field[0]), ResultRows.empty(), null, 0, false);
        JdbcResultSet rs = new JdbcResultSet(this, keys, connection.decoder());
        addOpen(rs);
        return rs;
    }

    @Override
    public void setPrepareThreshold(int threshold) throws SQLException {
        checkOpen();
        extras().prepareThreshold = threshold < 0 ? 1 : threshold;
    }

    @Override
    public int getPrepareThreshold() throws SQLException {
        checkOpen();
        int prepareThreshold = extras == null ? -1 : extras.prepareThreshold;
        return prepareThreshold >= 0 ? prepareThreshold : session().statementSettings().prepareThreshold();
    }

    /** A call to the server that {@link #timed} bounds by the query timeout. */
    interface ServerCall<T> {
        T run() throws SQLException;
    }

    /**
     * Marks the start of an execution without a query timeout that {@link #cancel} may target (as
     * {@link #timed} does, without a timer or a lambda); pair with {@link #exitExecution}. The
     * execution's number is set before anything is written, so a cancel decided for an earlier
     * one sees it under the session's cancel gate and is not sent. Returns the number.
     */
    final long enterExecution() {
        long n = (long) EXECUTIONS.getAndAdd(this, 1L) + 1;
        session().beginScope(this);
        return n;
    }

    final void exitExecution() {
        session().endScope();
        EXECUTIONS.getAndAdd(this, 1L);
    }

    @Override
    public final long runningExecution() {
        long n = execution;
        return (n & 1) != 0 ? n : 0;
    }

    /**
     * Runs {@code call}; with a query timeout set, a CancelRequest is sent when it runs longer,
     * and the server's 57014 surfaces as {@link java.sql.SQLTimeoutException}.
     */
    final <T> T timed(ServerCall<T> call) throws SQLException {
        long n = enterExecution();
        try {
            int queryTimeout = queryTimeout();
            if (queryTimeout == 0) return call.run();
            try (QueryTimer ignored = connection.startTimer(Duration.ofSeconds(queryTimeout), this, n)) {
                return call.run();
            }
        } finally {
            exitExecution();
        }
    }

    /** Closes the previous results and checks the statement is usable. */
    final void startExecution() throws SQLException {
        checkOpen();
        closeResultSets();
        results = List.of();
        onlyResult = null;
        current = 0;
        StatementExtras e = extras;
        if (e != null) {
            e.warnings = null;
            e.generatedKeys = null;
        }
    }

    static String requireSql(String sql) throws SQLException {
        if (sql == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the SQL text must not be null");
        return sql;
    }

    private List<QueryResult> limit(List<QueryResult> r) {
        int maxRows = maxRows();
        List<QueryResult> out = new ArrayList<>(r.size());
        for (QueryResult q : r) {
            out.add(q.rows().size() <= maxRows ? q : new QueryResult(q.description(), q.rows().limit(maxRows),
                    q.commandTag(), q.rowCount(), q.suspended()));
        }
        return out;
    }

    /** Installs the results of an execution; true when the first is a result set. */
    final boolean setResults(List<QueryResult> r) {
        results = r;
        onlyResult = null;
        current = 0;
        currentResultSet = null;
        return !r.isEmpty() && r.get(0).hasRows();
    }

    /** Installs the one result of an execution, without a list; true when it is a result set. */
    final boolean setResult(QueryResult r) {
        results = null;
        onlyResult = r;
        current = 0;
        currentResultSet = null;
        return r.hasRows();
    }

    private int resultCount() {
        List<QueryResult> r = results;
        return r == null ? 1 : r.size();
    }

    private QueryResult result(int i) {
        List<QueryResult> r = results;
        if (r != null) return r.get(i);
        java.util.Objects.checkIndex(i, 1);
        return onlyResult;
    }

    final ResultSet requireResultSet() throws SQLException {
        for (int i = 0, n = resultCount(); i < n; i++) {
            if (result(i).hasRows()) {
                current = i;
                return getResultSet();
            }
        }
        throw SqlExceptions.of(SqlState.NO_DATA, "the statement returned no result set; use execute or executeUpdate for it");
    }

    final int updateCountForExecuteUpdate() throws SQLException {
        int n = resultCount();
        if (n > 0 && result(0).hasRows()) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE,
                    "executeUpdate was given a statement that returns rows; use executeQuery or execute");
        }
        return n == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, largeUpdateCount(result(0)));
    }

    static long largeUpdateCount(QueryResult r) {
        return r.hasRows() ? -1 : Math.max(0, r.rowCount());
    }

    // ---- results ---------------------------------------------------------------------------

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        if (current >= resultCount() || !result(current).hasRows()) return null;
        if (currentResultSet == null) {
            PortalStream rest = current == 0 ? takeStream() : null;
            currentResultSet = new JdbcResultSet(this, result(current), connection.decoder(), rest, maxRows());
            int fetchSize = fetchSize();
            if (fetchSize != 0) currentResultSet.setFetchSize(fetchSize);
            addOpen(currentResultSet);
        }
        return currentResultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        long n = getLargeUpdateCount();
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        if (current >= resultCount()) return -1;
        return largeUpdateCount(result(current));
    }

    @Override
    public boolean getMoreResults() throws SQLException { return getMoreResults(CLOSE_CURRENT_RESULT); }

    @Override
    public boolean getMoreResults(int what) throws SQLException {
        checkOpen();
        if (what != KEEP_CURRENT_RESULT && currentResultSet != null) currentResultSet.close();
        currentResultSet = null;
        PortalStream stream = takeStream();
        if (stream != null) JdbcResultSet.close(stream); // the first result's rows were never asked for
        int n = resultCount();
        if (current < n) current++;
        return current < n && result(current).hasRows();
    }

    // ---- batches ---------------------------------------------------------------------------

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        StatementExtras e = extras();
        if (e.batch == null) e.batch = new ArrayList<>();
        e.batch.add(requireSql(sql));
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        if (extras != null) extras.batch = null;
    }

    /**
     * Sends the batch as one simple query, so it takes one round trip; the server stops at the
     * first failing statement (in autocommit mode the whole batch is then rolled back).
     */
    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) out[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
        return out;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        startExecution();
        List<String> sqls = extras == null || extras.batch == null ? List.of() : extras.batch;
        if (extras != null) extras.batch = null;
        if (sqls.isEmpty()) return new long[0];
        BatchOutcome outcome = timed(() -> session().simpleQueryOutcome(String.join(";\n", sqls), this::addWarning));
        Batches.Collector collector = new Batches.Collector(sqls.size());
        outcome.results().forEach(collector::add);
        if (!outcome.succeeded()) {
            throw collector.failure(outcome.failure(), "batch entry " + (outcome.failedIndex() + 1) + " of " + sqls.size() + " failed");
        }
        return collector.counts();
    }

    // ---- settings --------------------------------------------------------------------------

    @Override public int getMaxRows() throws SQLException { checkOpen(); return maxRows(); }
    @Override public long getLargeMaxRows() throws SQLException { return getMaxRows(); }
    @Override public void setLargeMaxRows(long max) throws SQLException { setMaxRows((int) Math.min(Integer.MAX_VALUE, max)); }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        if (max < 0) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "maxRows must be >= 0, was " + max);
        if (max != 0 || extras != null) extras().maxRows = max;
    }

    @Override public int getFetchSize() throws SQLException { checkOpen(); return fetchSize(); }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "fetch size must be >= 0, was " + rows);
        if (rows != 0 || extras != null) extras().fetchSize = rows;
    }

    @Override public int getQueryTimeout() throws SQLException { checkOpen(); return queryTimeout(); }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "query timeout must be >= 0, was " + seconds);
        if (seconds != 0 || extras != null) extras().queryTimeout = seconds;
    }

    @Override public int getMaxFieldSize() throws SQLException { checkOpen(); return extras == null ? 0 : extras.maxFieldSize; }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max < 0) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "max field size must be >= 0, was " + max);
        if (max != 0 || extras != null) extras().maxFieldSize = max;
    }

    @Override public void setEscapeProcessing(boolean enable) throws SQLException { checkOpen(); }
    @Override public void setCursorName(String name) throws SQLException { checkOpen(); }
    @Override public int getFetchDirection() throws SQLException { checkOpen(); return ResultSet.FETCH_FORWARD; }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "only FETCH_FORWARD is supported: results are forward-only");
        }
    }

    @Override public int getResultSetConcurrency() { return ResultSet.CONCUR_READ_ONLY; }
    @Override public int getResultSetType() { return ResultSet.TYPE_FORWARD_ONLY; }
    @Override public int getResultSetHoldability() { return ResultSet.HOLD_CURSORS_OVER_COMMIT; }
    @Override public Connection getConnection() throws SQLException { checkOpen(); return connection; }
    @Override public boolean isPoolable() throws SQLException { checkOpen(); return extras != null && extras.poolable; }
    @Override public void setPoolable(boolean p) throws SQLException { checkOpen(); if (p || extras != null) extras().poolable = p; }
    @Override public void closeOnCompletion() throws SQLException { checkOpen(); extras().closeOnCompletion = true; }
    @Override public boolean isCloseOnCompletion() throws SQLException { checkOpen(); return extras != null && extras.closeOnCompletion; }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        long n = runningExecution();
        if (n != 0) session().cancel(this, n);
    }

    // ---- warnings and lifecycle ------------------------------------------------------------

    /** A notice of an execution of this statement, kept as a warning. */
    @Override
    public final void accept(ServerError notice) { addWarning(notice); }

    final void addWarning(ServerError notice) {
        SQLWarning w = new SQLWarning(notice.toString(), notice.sqlState());
        StatementExtras e = extras();
        if (e.warnings == null) e.warnings = w;
        else e.warnings.setNextWarning(w);
    }

    @Override public SQLWarning getWarnings() throws SQLException { checkOpen(); return extras == null ? null : extras.warnings; }
    @Override public void clearWarnings() throws SQLException { checkOpen(); if (extras != null) extras.warnings = null; }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        closeResultSets();
        results = List.of();
        onlyResult = null;
        connection.forget(this);
    }

    private void closeResultSets() {
        PortalStream stream = takeStream();
        if (stream != null) JdbcResultSet.close(stream);
        currentResultSet = null;
        JdbcResultSet only = openResultSet;
        List<JdbcResultSet> more = extras == null ? null : extras.moreOpenResultSets;
        openResultSet = null;
        if (more != null) extras.moreOpenResultSets = null;
        if (only != null) only.close();
        if (more != null) {
            for (JdbcResultSet rs : more) rs.close();
        }
    }

    private void addOpen(JdbcResultSet rs) {
        if (openResultSet == null) {
            openResultSet = rs;
        } else {
            StatementExtras e = extras();
            if (e.moreOpenResultSets == null) e.moreOpenResultSets = new ArrayList<>(2);
            e.moreOpenResultSets.add(rs);
        }
    }

    private boolean noneOpen() {
        List<JdbcResultSet> more = extras == null ? null : extras.moreOpenResultSets;
        return openResultSet == null && (more == null || more.isEmpty());
    }

    /** The row view a closed result set gave back, or null; taken by the next result set. */
    RowView takeView() {
        RowView v = spareView;
        spareView = null;
        return v;
    }

    /** Keeps the view of a result set that closed, so the next result set makes none. */
    final void keepView(RowView v) { spareView = v; }

    /** The connection's session (not a field: a statement is made per pooled borrow, so it stays small). */
    final Session session() { return connection.session(); }

    /** With closeOnCompletion, the statement closes when its last open result set does. */
    final void resultSetClosed(JdbcResultSet rs) {
        if (openResultSet == rs) {
            openResultSet = null;
        } else if (extras != null && extras.moreOpenResultSets != null) {
            extras.moreOpenResultSets.remove(rs);
        }
        if (rs == currentResultSet) currentResultSet = null;
        if (extras != null && extras.closeOnCompletion && noneOpen() && !closed) close();
    }

    @Override public boolean isClosed() { return closed || connection.isClosed(); }

    final void checkOpen() throws SQLException {
        if (closed) throw SqlExceptions.closed("the statement");
        connection.checkOpen();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "not a wrapper for " + iface.getName());
    }

    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
}
