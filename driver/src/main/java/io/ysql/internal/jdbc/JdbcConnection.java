package io.ysql.internal.jdbc;

import io.ysql.ClusterInfo;
import io.ysql.ConnectionInfo;
import io.ysql.Copy;
import io.ysql.Cursor;
import io.ysql.Notification;
import io.ysql.Pipeline;
import io.ysql.YsqlConnection;
import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.ArrayCodec;
import io.ysql.internal.codec.ArrayData;
import io.ysql.internal.catalog.TypeCatalog;
import io.ysql.internal.codec.CodecRegistry;
import io.ysql.internal.codec.LearnedType;
import io.ysql.internal.codec.UserCodecAdapter;
import io.ysql.internal.codec.ParameterEncoder;
import io.ysql.internal.codec.ValueDecoder;
import io.ysql.internal.session.CancelScope;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.Session;
import io.ysql.internal.session.TransactionStatus;
import io.ysql.internal.sql.SqlQuoting;
import io.ysql.internal.tls.TlsPolicy;
import io.ysql.internal.tls.TlsSessionInfo;
import io.ysql.internal.transport.Transport;
import io.ysql.types.Codec;
import io.ysql.types.Composite;
import java.sql.CallableStatement;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The JDBC connection over one {@link Session}; also the psycopg-style {@link YsqlConnection}.
 * Transaction control, statements and metadata are here; the rarely used parts of
 * {@link java.sql.Connection} (LOB factories, type maps, client info, savepoints) are in
 * {@link ConnectionExtras}. Over 500 lines because it is the one object both APIs hold: every
 * {@code YsqlConnection} entry point (copy, pipelines, notifications, two-phase commit, cursors)
 * is a short delegation here to the class that does the work; moving those delegations further
 * out is the next split.
 */
public final class JdbcConnection extends ConnectionExtras implements YsqlConnection {
    private final Session session;
    private final CodecRegistry codecs;
    private final TypeCatalog catalog;
    private final DatabaseInfo info;
    private final String database;
    private final Function<JdbcConnection, Cursor> cursors;
    private final OpenStatements statements = new OpenStatements();
    private final ParsedTexts parsedTexts = new ParsedTexts();
    private volatile SQLWarning warnings;
    private final AtomicInteger openBlocks = new AtomicInteger();
    private volatile boolean closed;
    private final TransactionCharacteristics characteristics;
    private final TwoPhase twoPhase = new TwoPhase(this);
    private final CursorApiSettings cursorApiSettings;
    private final ReentrantLock timerLock = new ReentrantLock();
    private ScheduledExecutorService timer;
    private volatile Runnable release = () -> { };
    private volatile Supplier<Optional<ClusterInfo>> cluster = Optional::empty;
    private final ConnectionNotifications notifications;
    private volatile int defaultFetchSize;
    private volatile Function<JdbcConnection, Pipeline> pipelines;

    /**
     * @param cursors makes the cursors of {@link #cursor()} (the cursor API lives beside JDBC, not inside it)
     */
    public JdbcConnection(Session session, CodecRegistry codecs, TypeCatalog catalog, String database, DatabaseInfo info,
                          Function<JdbcConnection, Cursor> cursors) {
        this.session = session;
        this.database = database;
        this.codecs = codecs;
        this.catalog = catalog;
        this.info = info;
        this.cursors = cursors;
        this.characteristics = new TransactionCharacteristics(this);
        this.cursorApiSettings = new CursorApiSettings(this);
        this.notifications = new ConnectionNotifications(session);
        session.notices().idleSink(this::addWarning);
    }

    /** Two-phase commit: the cursor API's {@code tpc*} state and the commands XA shares. */
    public TwoPhase twoPhase() { return twoPhase; }

    /** The cursor API's session characteristics, info and connection parameters. */
    public CursorApiSettings cursorApiSettings() { return cursorApiSettings; }

    /** The user the session authenticated as. */
    String user() { return info.user(); }

    /** Isolation, read-only and deferrable, with pgjdbc's rules. */
    public TransactionCharacteristics characteristics() { return characteristics; }

    public Session session() { return session; }

    /**
     * Ties the connection to the load-balancing state: {@code release} runs once when it closes
     * (giving back its server's count), {@code cluster} answers {@link #clusterInfo()}.
     */
    public JdbcConnection balanced(Runnable release, Supplier<Optional<ClusterInfo>> cluster) {
        this.release = release;
        this.cluster = cluster;
        return this;
    }

    @Override public Optional<ClusterInfo> clusterInfo() { return cluster.get(); }

    /** Sets the fetch size new statements start with (option {@code default_fetch_size}); 0 reads all rows at once. */
    public JdbcConnection defaultFetchSize(int rows) {
        this.defaultFetchSize = rows;
        return this;
    }

    int defaultFetchSize() { return defaultFetchSize; }

    public ValueDecoder decoder() { return codecs.decoder(); }

    public ParameterEncoder encoder() { return codecs.encoder(); }

    /** How many transaction blocks ({@code io.ysql.Transaction}) are open on this connection. */
    public AtomicInteger openBlocks() { return openBlocks; }

    /** Learns the types of the columns of {@code results} that the connection does not know yet. */
    void learnTypes(List<QueryResult> results) { catalog.learn(results); }

    void learnTypes(QueryResult result) { catalog.learn(result); }

    @Override
    public void registerCodec(Codec<?> codec) throws SQLException {
        checkOpen();
        if (codec == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the codec must not be null");
        if (codec.typeName() == null || codec.javaType() == null) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the codec " + codec.getClass().getName()
                    + " must name a type (typeName()) and a Java class (javaType())");
        }
        catalog.register(new UserCodecAdapter(codec));
    }

    /**
     * A {@link Composite} of the composite type {@code typeName} (looked up once; 42704 when there
     * is no such type), for {@code setObject(i, struct)}.
     */
    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        checkOpen();
        if (typeName == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the type name must not be null");
        List<Object> values = attributes == null ? List.of() : Arrays.asList(attributes);
        LearnedType t = catalog.learnNamed(typeName);
        if (t == null || t.kind() != LearnedType.Kind.COMPOSITE) return new Composite(typeName, null, values);
        List<String> names = t.attributes().stream().map(LearnedType.Attribute::name).toList();
        if (names.size() != values.size()) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "type " + t.qualifiedName() + " has " + names.size()
                    + " attributes " + names + " but " + values.size() + " values were given");
        }
        return new Composite(t.qualifiedName(), names, values);
    }

    /** An empty, writable {@link SQLXML} for {@code setSQLXML}. */
    @Override
    public SQLXML createSQLXML() throws SQLException {
        checkOpen();
        return JdbcSqlXml.writable();
    }

    /** The name of the type with this OID as this connection knows it ({@code unknown} if it does not). */
    public String typeName(int oid) { return codecs.type(oid).name(); }

    @Override public Cursor cursor() throws SQLException { checkOpen(); return cursors.apply(this); }

    @Override
    public Copy copy() throws SQLException {
        checkOpen();
        return new SessionCopy(session, codecs, this::addWarning, new int[0]);
    }

    /** Gives the connection its {@link #pipeline()}s, made beside JDBC like its cursors. */
    public JdbcConnection pipelines(Function<JdbcConnection, Pipeline> factory) {
        this.pipelines = factory;
        return this;
    }

    @Override
    public Pipeline pipeline() throws SQLException {
        checkOpen();
        if (pipelines == null) return YsqlConnection.super.pipeline();
        return pipelines.apply(this);
    }

    /**
     * An array of {@code typeName} elements: a {@code pg_type} name ({@code int4}, {@code text},
     * {@code uuid}) or its SQL spelling ({@code integer}, {@code double precision}, {@code
     * character varying}); nested arrays make more dimensions. An unknown name (a user type)
     * gives an array the server types from where it is used.
     */
    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        ArrayData data = ArrayCodec.create(typeName, elements, codecs.context());
        String base = data.elementOid() == 0 ? typeName : codecs.type(data.elementOid()).name();
        return new JdbcArray(data, base, codecs.decoder());
    }
    @Override public Map<String, String> serverParameters() { return session.parameters(); }
    @Override public int backendProcessId() { return session.backendKey() == null ? 0 : session.backendKey().processId(); }

    @Override
    public ConnectionInfo connectionInfo() {
        Transport t = session.transport();
        if (!t.isTls()) return new ConnectionInfo(t.host(), t.port(), false, null, null, null, null, session.authMethod());
        TlsSessionInfo tls = TlsPolicy.describe(t.socket());
        return new ConnectionInfo(t.host(), t.port(), true, tls.protocol(), tls.cipherSuite(), tls.peerSubject(),
                tls.peerIssuer(), session.authMethod());
    }

    // ---- notifications, notices, cancel, network timeout ------------------------------------

    @Override
    public Notification[] getNotifications(int timeoutMillis) throws SQLException {
        checkOpen();
        return notifications.get(timeoutMillis);
    }

    @Override
    public void addNotificationListener(Consumer<Notification> listener) throws SQLException {
        checkOpen();
        notifications.add(listener);
    }

    @Override public void removeNotificationListener(Consumer<Notification> listener) { notifications.remove(listener); }

    @Override
    public void setNoticeHandler(Consumer<ServerError> handler) throws SQLException {
        checkOpen();
        session.notices().handler(handler);
    }

    @Override public List<ServerError> notices() { return session.notices().recent(); }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        session.cancel((Object) null);
    }

    /** The executor is not needed: a read that outlives the timeout closes the connection itself. */
    @Override
    public void setNetworkTimeout(Executor executor, int millis) throws SQLException {
        super.setNetworkTimeout(executor, millis);
        session.networkTimeout(Duration.ofMillis(millis));
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return (int) Math.min(Integer.MAX_VALUE, session.networkTimeout().toMillis());
    }

    // ---- statements ------------------------------------------------------------------------

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return track(new JdbcStatement(this));
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        checkResultSetKind(type, concurrency);
        return createStatement();
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkResultSetKind(type, concurrency);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return track(new JdbcPreparedStatement(this, sql, null));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        checkResultSetKind(type, concurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
        checkResultSetKind(type, concurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        return track(new JdbcPreparedStatement(this, sql, JdbcStatement.returning(autoGeneratedKeys)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        throw JdbcStatement.keysByIndex();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        return track(new JdbcPreparedStatement(this, sql, GeneratedKeys.columns(columnNames)));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        checkOpen();
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED,
                "CallableStatement is not supported yet; run CALL or SELECT fn(...) through a PreparedStatement");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException { return prepareCall(sql); }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        return prepareCall(sql);
    }

    @Override public String nativeSQL(String sql) throws SQLException { checkOpen(); return sql; }

    private void checkResultSetKind(int type, int concurrency) throws SQLException {
        checkOpen();
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "updatable result sets are not supported; use CONCUR_READ_ONLY");
        }
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            addWarning(new SQLWarning("scrollable result sets are not supported; a TYPE_FORWARD_ONLY result is used instead", "01000"));
        }
    }

    private <S extends JdbcStatement> S track(S s) {
        statements.add(s);
        return s;
    }

    void forget(JdbcStatement s) { statements.remove(s); }

    /** The scanned SQL texts of this connection's prepared statements. */
    ParsedTexts parsedTexts() { return parsedTexts; }

    /** Starts a query-timeout timer; the connection's one timer thread is made on first use. */
    QueryTimer startTimer(Duration timeout, CancelScope scope, long execution) {
        timerLock.lock();
        try {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "ysql-query-timeout");
                    t.setDaemon(true);
                    return t;
                });
            }
            return new QueryTimer(session, timer, timeout, scope, execution);
        } finally {
            timerLock.unlock();
        }
    }

    // ---- transactions ----------------------------------------------------------------------

    @Override
    public void setAutoCommit(boolean on) throws SQLException {
        checkOpen();
        if (on == session.autoCommit()) return;
        twoPhase.checkLocalControl("setAutoCommit");
        if (on && session.transactionStatus() != TransactionStatus.IDLE) session.commit("COMMIT", this::addWarning);
        session.autoCommit(on);
        characteristics.autoCommitChanged(on);
    }

    @Override public boolean getAutoCommit() throws SQLException { checkOpen(); return session.autoCommit(); }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        twoPhase.checkLocalControl("commit");
        if (session.autoCommit()) {
            throw SqlExceptions.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "commit() needs autocommit off; call setAutoCommit(false) first");
        }
        if (session.transactionStatus() == TransactionStatus.IDLE) return;
        List<QueryResult> r = session.commit("COMMIT", this::addWarning);
        if (!r.isEmpty() && "ROLLBACK".equals(r.get(0).commandTag())) {
            throw SqlExceptions.of(SqlState.TRANSACTION_ROLLBACK, "the transaction could not be committed because an earlier "
                    + "statement in it failed; the server rolled it back");
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        twoPhase.checkLocalControl("rollback");
        if (session.autoCommit()) {
            throw SqlExceptions.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "rollback() needs autocommit off; call setAutoCommit(false) first");
        }
        if (session.transactionStatus() != TransactionStatus.IDLE) control("ROLLBACK");
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        characteristics.setIsolation(level);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return TransactionCharacteristics.isolationLevel(show("transaction_isolation"));
    }

    @Override
    public void setReadOnly(boolean ro) throws SQLException {
        checkOpen();
        characteristics.setReadOnly(ro);
    }

    @Override public boolean isReadOnly() throws SQLException { checkOpen(); return characteristics.isReadOnly(); }

    /** Runs a session or transaction-control statement; its notices become connection warnings. */
    List<QueryResult> control(String sql) throws SQLException {
        return session.control(sql, this::addWarning);
    }

    /** The value of a server setting, via SHOW. */
    String show(String setting) throws SQLException {
        checkOpen();
        QueryResult r = control("SHOW " + setting).get(0);
        var row = r.rows().view(0);
        return codecs.decoder().getString(r.description().fields()[0].typeOid(), r.description().fields()[0].format(),
                row.buffer(), row.offset(0), row.length(0));
    }

    // ---- catalog, schema -------------------------------------------------------------------

    @Override public String getCatalog() throws SQLException { checkOpen(); return database; }
    @Override public void setCatalog(String catalog) throws SQLException { checkOpen(); }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        control("SET search_path TO " + SqlQuoting.quoteIdentifier(schema));
    }

    @Override
    public String getSchema() throws SQLException {
        try (Statement s = createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new JdbcDatabaseMetaData(this, info);
    }

    // ---- lifecycle -------------------------------------------------------------------------

    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        if (timeoutSeconds < 0) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "isValid timeout must be >= 0, was " + timeoutSeconds);
        return !closed && session.isValid(Duration.ofSeconds(timeoutSeconds));
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (JdbcStatement s : statements.snapshot()) s.close(); // without I/O
        session.close();
        release.run();
        stopTimer();
    }

    private void stopTimer() {
        timerLock.lock();
        try {
            if (timer != null) timer.shutdownNow();
        } finally {
            timerLock.unlock();
        }
    }

    @Override public boolean isClosed() { return closed || session.isClosed(); }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "abort needs an executor");
        closed = true;
        session.abort();
        release.run();
        stopTimer();
    }

    void checkOpen() throws SQLException {
        if (closed) throw SqlExceptions.closed("the connection");
        if (session.isClosed()) {
            throw SqlExceptions.of(SqlState.CONNECTION_DOES_NOT_EXIST, "the connection was lost; open a new one");
        }
    }

    // ---- warnings --------------------------------------------------------------------------

    void addWarning(ServerError notice) { addWarning(new SQLWarning(notice.toString(), notice.sqlState())); }

    private void addWarning(SQLWarning w) {
        SQLWarning first = warnings;
        if (first == null) warnings = w;
        else first.setNextWarning(w);
    }

    @Override public SQLWarning getWarnings() throws SQLException { checkOpen(); return warnings; }
    @Override public void clearWarnings() throws SQLException { checkOpen(); warnings = null; }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (!"ApplicationName".equals(name)) {
            super.setClientInfo(name, value);
            return;
        }
        try {
            control("SET application_name = " + SqlQuoting.quoteLiteral(value == null ? "" : value));
        } catch (SQLException e) {
            throw new SQLClientInfoException(e.getMessage(), e.getSQLState(), Map.of(), e);
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return "ApplicationName".equals(name) ? session.parameter("application_name") : super.getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        Properties p = super.getClientInfo();
        String app = session.parameter("application_name");
        if (app != null) p.setProperty("ApplicationName", app);
        return p;
    }

    @Override
    public String toString() { return "YsqlConnection[" + info.url() + ", user=" + info.user() + "]"; }
}
