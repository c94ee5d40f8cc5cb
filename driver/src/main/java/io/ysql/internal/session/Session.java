package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.transport.MessageReader;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.transport.Transport;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.backend.ReadyForQuery;
import io.ysql.internal.wire.frontend.Terminate;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * One authenticated server session, safe to share between threads: the façade the JDBC and cursor
 * layers call, and the place where a request is written.
 *
 * <p>Requests ({@link Exchange}s) are written back to back under the {@link WritePermit} and queued
 * in the same order; the {@link ResponseRouter} reads the responses in order and hands them to the
 * exchange at the head of the queue, whichever waiting thread has the read turn, so one thread may
 * complete another's exchange. A request too large to be sure to fit the socket buffers is written
 * by a short-lived writer thread while the caller reads, so a big batch can never deadlock against
 * a server that is blocked writing its answers. Conversations that keep the permit or the session
 * across several messages enter through lanes of their own: {@link CopyLane} for COPY,
 * {@link SegmentLane} for pipeline segments, {@link PortalLane} for a stream's later chunks. The
 * statement cache's retries live in {@link StatementRuns}, notification waits in
 * {@link NotificationWait}, cancels in {@link CancelGate}. Type-agnostic: parameters arrive
 * encoded and rows leave as bytes.
 */
public final class Session implements AutoCloseable {
    /** Requests larger than this are written by a separate thread while the caller reads. */
    static final int INLINE_WRITE_LIMIT = 128 * 1024;

    private final Transport transport;
    private final MessageReader reader;
    private final MessageWriter writer;
    private final WritePermit writePermit = new WritePermit();
    private final PendingQueue pending = new PendingQueue();
    private final Map<String, String> parameters;
    private final BackendKey backendKey;
    private final String authMethod;
    private final boolean channelBound;
    private final StatementCache statements;
    private final StatementRuns runs = new StatementRuns(this);
    private final NotificationQueue notifications = new NotificationQueue();
    private final Notices notices = new Notices();
    private final CancelGate cancels = new CancelGate();
    private final ResponseRouter reads;
    private final CopyLane copies;
    private final SegmentLane segments;
    private final PortalLane portals;
    private volatile Duration networkTimeout = Duration.ZERO;
    private volatile Duration cancelTimeout = Duration.ofSeconds(10);
    private volatile StatementSettings settings = StatementSettings.DEFAULTS;
    private volatile TransactionStatus status;
    private volatile SQLException broken;
    private volatile boolean closed;
    private volatile boolean autoCommit = true;
    private volatile boolean beginInFlight;
    private volatile String begin = "BEGIN";
    private volatile AutoSave autoSave = AutoSave.NEVER;
    private volatile long blocksEnded; // transaction blocks ended so far (ReadyForQuery turned idle)

    Session(Transport transport, Map<String, String> parameters, BackendKey key, TransactionStatus status,
            IntPredicate binaryResultType, String authMethod, boolean channelBound) {
        this.authMethod = authMethod;
        this.channelBound = channelBound;
        this.transport = transport;
        this.reader = transport.reader();
        this.writer = transport.writer();
        this.parameters = new ConcurrentHashMap<>(parameters);
        this.reads = new ResponseRouter(this, transport, pending, this.parameters, notifications, notices);
        this.copies = new CopyLane(this, writePermit, reads, pending, transport);
        this.segments = new SegmentLane(this, writePermit, reads, pending, transport);
        this.portals = new PortalLane(this, writePermit, reads, pending, transport);
        this.backendKey = key;
        this.status = status;
        this.statements = new StatementCache(binaryResultType);
        reader.maxLength(transport.maxMessageLength());
    }

    /** Opens a session over a connected transport: startup, authentication, ready. */
    public static Session open(Transport transport, StartupRequest request) throws SQLException {
        return new Startup(transport, request).run();
    }

    // ---- public operations -------------------------------------------------------------------

    /** Runs {@code sql} (one or more statements) with the simple query protocol. */
    public List<QueryResult> simpleQuery(String sql, Consumer<ServerError> notices) throws SQLException {
        return runs.simpleQuery(sql, notices);
    }

    /**
     * Runs {@code sql} (one or more statements) with the simple query protocol and reports how far
     * it got: the server stops at the first failing statement.
     */
    public BatchOutcome simpleQueryOutcome(String sql, Consumer<ServerError> notices) throws SQLException {
        SimpleQuery q = new SimpleQuery(sql);
        runs.run(q, notices);
        return q.outcome();
    }

    /**
     * Runs a transaction-control or session statement ({@code COMMIT}, {@code ROLLBACK},
     * {@code SET …}) that must not itself open a transaction block.
     */
    public List<QueryResult> control(String sql, Consumer<ServerError> notices) throws SQLException {
        SimpleQuery q = new SimpleQuery(sql);
        q.neverBegin();
        runs.run(q, notices);
        return q.results();
    }

    /**
     * Runs a statement that ends a transaction ({@code COMMIT}) like {@link #control}; when the
     * connection fails after it was sent and before its answer, throws 08007: the outcome is unknown.
     */
    public List<QueryResult> commit(String sql, Consumer<ServerError> notices) throws SQLException {
        SimpleQuery q = new SimpleQuery(sql);
        q.neverBegin();
        runs.run(q, notices);
        if (LostCommit.isLost(q, this)) throw LostCommit.unknown(sql, q.failure());
        return q.results();
    }

    /**
     * Runs one statement with the extended protocol: parameters travel apart from the text.
     *
     * @param maxRows 0 for all rows, else the most rows to return
     */
    public QueryResult execute(String sql, Bindings bindings, int maxRows, Consumer<ServerError> notices)
            throws SQLException {
        return execute(new StatementText(sql), bindings, maxRows, notices);
    }

    /** Reports statements to {@code o} from now on (SQL text and counts, never parameter values). */
    public void observe(QueryObserver o) { runs.observe(o); }

    /** {@link #execute(String, Bindings, int, Consumer)} for a text a statement object runs again and again. */
    public QueryResult execute(StatementText text, Bindings bindings, int maxRows, Consumer<ServerError> notices)
            throws SQLException {
        return runs.execute(text, bindings, maxRows, notices);
    }

    /** Sets how statements are cached and prepared on the server (before the session is shared). */
    public void statementSettings(StatementSettings settings) {
        this.settings = settings;
        statements.configure(settings.prepareThreshold(), settings.cacheSize(), settings.cacheBytes());
    }

    /** How statements are cached, prepared and batched. */
    public StatementSettings statementSettings() { return settings; }

    StatementCache statementCache() { return statements; }

    /**
     * Runs one statement and reads its rows in chunks of {@code fetchSize}; see {@link PortalStream}
     * for how the chunks travel inside and outside a transaction block.
     */
    public PortalStream stream(String sql, Bindings bindings, int fetchSize, Consumer<ServerError> notices)
            throws SQLException {
        return PortalStream.open(this, portals, statements, sql, bindings, fetchSize, notices);
    }

    /**
     * Runs one statement once per parameter set in a single round trip. Rows are not described;
     * the outcome says how far the batch got.
     */
    public BatchOutcome executeBatch(String sql, List<Bindings> batch, Consumer<ServerError> notices)
            throws SQLException {
        return executeBatch(Collections.nCopies(batch.size(), sql), batch, -1, notices);
    }

    /**
     * Runs {@code texts.get(i)} with {@code batch.get(i)} for every i, in a single round trip.
     *
     * @param prepareThreshold the statements' own prepare threshold, or -1 for the connection's
     */
    public BatchOutcome executeBatch(List<String> texts, List<Bindings> batch, int prepareThreshold,
                                     Consumer<ServerError> notices) throws SQLException {
        return runs.executeBatch(texts, batch, prepareThreshold, notices);
    }

    /**
     * Starts {@code COPY ... FROM STDIN} or {@code COPY ... TO STDOUT}: the connection is the
     * copy's until the returned flow ends; see {@link CopyFlow}.
     */
    public CopyFlow copy(String sql, Consumer<ServerError> notices) throws SQLException {
        return copies.start(new CopyExchange(sql), notices);
    }

    /**
     * A new pipeline on this session: statements queued without waiting, synced when asked. While
     * it has statements queued, it alone writes to the session.
     */
    public PipelineFlow pipeline() { return new PipelineFlow(segments, statements); }

    /** The server's value of a reported parameter ({@code server_version}, {@code TimeZone} …), or null. */
    public String parameter(String name) { return parameters.get(name); }

    /** Every parameter the server reported, as last reported. */
    public Map<String, String> parameters() { return Map.copyOf(parameters); }

    public TransactionStatus transactionStatus() { return status; }

    /**
     * With autocommit off, the session opens a transaction block ({@code BEGIN}, sent in the
     * same write as the request) before the first statement that finds the server idle.
     */
    public void autoCommit(boolean on) { autoCommit = on; }

    public boolean autoCommit() { return autoCommit; }

    /**
     * The statement that opens the transaction blocks of autocommit-off mode: {@code BEGIN}, or
     * {@code BEGIN READ ONLY} and the like for transaction characteristics of the next blocks.
     */
    public void beginWith(String sql) { begin = sql; }

    /** The automatic savepoint policy ({@code autosave}, {@code cleanupSavepoints}). */
    public void autoSave(AutoSave policy) { autoSave = policy == null ? AutoSave.NEVER : policy; }

    public AutoSave autoSave() { return autoSave; }

    public BackendKey backendKey() { return backendKey; }

    /** How the server authenticated this session: trust, password, md5, SCRAM-SHA-256 or SCRAM-SHA-256-PLUS. */
    public String authMethod() { return authMethod; }

    /** Whether SCRAM bound this session to its TLS channel (tls-server-end-point), the server's proof verified. */
    public boolean channelBound() { return channelBound; }

    /** The transport under this session (for TLS details); never used to send or receive. */
    public Transport transport() { return transport; }

    /** Notifications received so far and not yet taken. */
    public Notification pollNotification() { return notifications.poll(); }

    /** The notifications received and not yet taken (bounded). */
    public NotificationQueue notifications() { return notifications; }

    /** Where notices go besides their request: the handler, the last 50, the connection's warnings. */
    public Notices notices() { return notices; }

    /** How long a read may wait for the server's answer before the session is closed; zero waits forever. */
    public void networkTimeout(Duration timeout) { networkTimeout = timeout; transport.writeTimeout(timeout); }

    public Duration networkTimeout() { return networkTimeout; }

    /** How long a cancel may take to be confirmed; zero means 10 seconds. */
    public void cancelTimeout(Duration timeout) { cancelTimeout = timeout.isZero() ? Duration.ofSeconds(10) : timeout; }

    public boolean isClosed() { return closed || broken != null; }

    /** Asks the server, on a connection of its own, to cancel what this session is running. */
    public void cancel(Duration timeout) throws SQLException {
        cancel(null, timeout);
    }

    /**
     * Marks the requests the calling thread submits, until {@link #endScope()}, as belonging to
     * {@code scope} (one statement execution): {@link #cancel(Object)} with it targets them only.
     */
    public void beginScope(Object scope) { cancels.beginScope(scope); }

    public void endScope() { cancels.endScope(); }

    /**
     * Asks the server, on a connection of its own made the way this one was (same address, same
     * TLS), to cancel the request of {@code owner} (a scope, or the thread that submitted it), or
     * any request when {@code owner} is null; nothing is sent when no such request is in flight.
     * Returns once the server closed the cancel connection, at most cancelSignalTimeout later; no
     * request is written meanwhile, so the cancel can never reach the next statement. True when a
     * cancel was sent.
     */
    public boolean cancel(Object owner) throws SQLException {
        return cancel(owner, cancelTimeout);
    }

    /**
     * As {@link #cancel(Object)} for the requests of {@code scope}, but only while the scope still
     * runs {@code execution}: a cancel decided for one execution never reaches a later one.
     */
    public boolean cancel(CancelScope scope, long execution) throws SQLException {
        if (backendKey == null) return cancel((Object) scope); // raises that statements cannot be cancelled
        return cancels.cancel(scope, execution, isClosed() ? List.of() : pending,
                () -> transport.sendCancel(backendKey.processId(), backendKey.secretKey(), cancelTimeout));
    }

    /** As {@link #cancel(Object)}, within {@code timeout}. */
    public boolean cancel(Object owner, Duration timeout) throws SQLException {
        if (backendKey == null) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "the server sent no 4-byte cancel key for this session, so its "
                    + "statements cannot be cancelled; use statement_timeout to bound them");
        }
        return cancels.cancel(owner, isClosed() ? List.of() : pending,
                () -> transport.sendCancel(backendKey.processId(), backendKey.secretKey(), timeout));
    }

    /**
     * Waits at most {@code timeout} for a notification and takes it; null when none came. Reads
     * the socket itself while no request is in flight, and steps aside for threads that wait for
     * their answers. {@code Duration.ZERO} takes what has arrived without waiting.
     */
    public Notification awaitNotification(Duration timeout) throws SQLException {
        return new NotificationWait(this, reads, notifications).await(timeout);
    }

    /**
     * Sends an empty query and waits at most {@code timeout} for the answer; false when the
     * session is closed, broken or does not answer in time.
     */
    public boolean isValid(Duration timeout) {
        if (isClosed()) return false;
        SimpleQuery ping = new SimpleQuery("");
        ping.neverBegin();
        try {
            long deadline = timeout.isZero() ? 0 : System.nanoTime() + timeout.toNanos();
            if (!submit(ping, deadline) || !await(ping, deadline)) return false;
            ping.results();
            return !isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Sends Terminate and closes the socket; pending requests fail with 08003. */
    @Override
    public void close() {
        if (closed) return;
        if (writePermit.heldByCopy()) { // a COPY holds the write permit: no goodbye
            abort();
            writePermit.endCopy();
            return;
        }
        try {
            syncOwnPipeline();
        } catch (SQLException ignored) {
            // closing anyway; the pipeline's statements have their outcomes
        }
        closed = true;
        writePermit.acquireUninterruptibly();
        try {
            if (broken == null) {
                writer.add(Terminate.INSTANCE);
                writer.flush();
            }
        } catch (IOException | RuntimeException ignored) {
            // the server may be gone already; the socket is closed below either way
        } finally {
            writePermit.release();
            transport.close();
            abortAll(SqlExceptions.closed("the connection"));
        }
    }

    /** Closes the socket at once, without a goodbye (for {@code Connection.abort}). */
    public void abort() {
        closed = true;
        transport.close();
        abortAll(SqlExceptions.closed("the connection"));
    }

    /** A pipeline opened by this thread holds the write permit: sync it before this thread's next request. */
    private void syncOwnPipeline() throws SQLException { segments.syncOwn(); }

    // ---- the request pipeline ----------------------------------------------------------------

    /** Rolls back to the automatic savepoint set before {@code e} if it failed and the policy says so. */
    void restoreAutosave(Exchange e) throws SQLException { runs.restoreAutosave(e); }

    /**
     * Writes {@code e} and queues it for its responses. Returns false when the deadline (a
     * {@link System#nanoTime()} value, 0 for none) passed while another request was being written.
     */
    boolean submit(Exchange e, long deadline) throws SQLException {
        syncOwnPipeline();
        if (!writePermit.acquireFor(e.conversation(), deadline)) return false;
        boolean handedOff = false;
        cancels.enterWrite();
        try {
            checkOpen();
            e.owner(cancels.currentOwner());
            beginBlockIfIdle(e);
            if (e.mayBegin() && (e.beginsTransaction() || beginInFlight || status == TransactionStatus.IN_TRANSACTION)
                    && autoSave.applies(e)) {
                e.autosave(AutoSave.SAVEPOINT, autoSave.cleanup());
            }
            try {
                e.write(writer);
            } catch (RuntimeException encoding) {
                writer.discard();
                if (e.beginsTransaction()) beginInFlight = false;
                throw SqlExceptions.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "the request cannot be sent: "
                        + encoding.getMessage(), encoding);
            }
            pending.add(e);
            if (writer.pending() > INLINE_WRITE_LIMIT) {
                byte[] bytes = writer.takeBytes();
                Thread t = new Thread(() -> writeAndRelease(bytes), "ysql-writer");
                t.setDaemon(true);
                t.start();
                handedOff = true;
            } else {
                writer.flush();
            }
        } catch (IOException io) {
            fail(transport.ioFailure(io));
        } finally {
            cancels.exitWrite();
            if (!handedOff) writePermit.release();
        }
        return true;
    }

    /** How many transaction blocks have ended so far: a portal of a block lives while this stays the same. */
    public long blocksEnded() { return blocksEnded; }

    private void writeAndRelease(byte[] bytes) {
        try {
            writer.writeRaw(bytes);
        } catch (IOException io) {
            fail(transport.ioFailure(io));
        } finally {
            writePermit.release();
        }
    }

    /**
     * Reads until {@code e} is complete, serving the exchanges ahead of it. Returns false when the
     * deadline (a {@link System#nanoTime()} value, 0 for none) passed first.
     */
    boolean await(Exchange e, long deadline) throws SQLException {
        return reads.await(e, deadline, null);
    }

    /** Takes the transaction status of a ReadyForQuery read for {@code head}. */
    void ready(Exchange head, ReadyForQuery rfq) {
        TransactionStatus was = status;
        status = TransactionStatus.of(rfq.status());
        if (status == TransactionStatus.IDLE && was != TransactionStatus.IDLE) blocksEnded++;
        if (head.beginsTransaction()) beginInFlight = false;
    }

    /** Writes a message an exchange answers the server with (a SASL response, a CopyFail). */
    void sendReply(FrontendMessage reply) {
        writePermit.acquireUninterruptibly();
        try {
            writer.add(reply);
            writer.flush();
        } catch (IOException io) {
            fail(transport.ioFailure(io));
        } finally {
            writePermit.release();
        }
    }

    /** With autocommit off and no transaction block open or opening, asks {@code e} to open one first. */
    void beginBlockIfIdle(Exchange e) {
        if (!autoCommit && e.mayBegin() && status == TransactionStatus.IDLE && !beginInFlight) {
            e.beginFirst(begin);
            beginInFlight = true;
        }
    }

    void checkOpen() throws SQLException {
        if (closed) throw SqlExceptions.closed("the connection");
        SQLException b = broken;
        if (b != null) {
            throw SqlExceptions.of(SqlState.CONNECTION_DOES_NOT_EXIST,
                    "the connection is broken and was closed (" + b.getMessage() + "); open a new one", b);
        }
    }

    /** Marks the session broken by {@code cause}, closes the socket and fails every waiting request. */
    void fail(SQLException cause) {
        if (broken == null) broken = cause;
        transport.close();
        abortAll(cause);
    }

    private void abortAll(SQLException cause) {
        Exchange e;
        while ((e = pending.poll()) != null) e.abort(cause);
    }
}
