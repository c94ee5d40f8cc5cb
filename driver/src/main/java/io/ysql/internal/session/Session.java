package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.transport.MessageReader;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.transport.Transport;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.ProtocolViolation;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.NoticeResponse;
import io.ysql.internal.wire.backend.NotificationResponse;
import io.ysql.internal.wire.backend.ParameterStatus;
import io.ysql.internal.wire.backend.ReadyForQuery;
import io.ysql.internal.wire.frontend.Terminate;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * One authenticated server session, safe to share between threads.
 *
 * <p>Requests ({@link Exchange}s) are written back to back under a write permit and queued in the
 * same order; responses are read in order and handed to the exchange at the head of the queue by
 * whichever waiting thread has the read turn ({@link ReadTurns}), so one thread may complete
 * another's exchange. A request too large to be sure to fit the socket buffers is written by a short-lived writer
 * thread while the caller reads, so a big batch can never deadlock against a server that is
 * blocked writing its answers. A thread waiting for notifications reads while no request is in
 * flight ({@link #awaitNotification}); what it reads is routed like any other read, so the answer
 * to a request written meanwhile still reaches that request. A read that waits longer than the
 * network timeout for an answer closes the session with 08006. Type-agnostic: parameters arrive
 * encoded and rows leave as bytes. Over 500 lines because the pipeline's writes, reads and their
 * locks are one invariant, kept in one place (the COPY primitives and the held conversations need
 * the permit, the read lock and the queue too); the flows, notification waits and cancels are apart.
 */
public final class Session implements AutoCloseable {
    /** Requests larger than this are written by a separate thread while the caller reads. */
    static final int INLINE_WRITE_LIMIT = 128 * 1024;
    /** How long a thread waits for the read lock before looking again whether its request is complete. */
    private static final long LOCK_SLICE_NANOS = 20_000_000;

    private final Transport transport;
    private final MessageReader reader;
    private final MessageWriter writer;
    private final Semaphore writePermit = new Semaphore(1);
    private final ReadTurns readTurns = new ReadTurns();
    private final PendingQueue pending = new PendingQueue();
    private final Map<String, String> parameters;
    private final BackendKey backendKey;
    private final String authMethod;
    private final StatementCache statements;
    private final NotificationQueue notifications = new NotificationQueue();
    private final Notices notices = new Notices();
    private final CancelGate cancels = new CancelGate();
    /** Threads in {@link #await}: a notification wait steps aside for them instead of blocking in a read. */
    private final AtomicInteger awaiting = new AtomicInteger();
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
    private volatile QueryObserver observer = QueryObserver.LOGGING;
    private Conversation open; // guarded by the write permit: holds the session between its requests
    private volatile long blocksEnded; // transaction blocks ended so far (ReadyForQuery turned idle)
    private final AtomicInteger portals = new AtomicInteger();
    /** The thread that started the COPY in progress, which holds the write permit until it ends; else null. */
    private final AtomicReference<Thread> copyOwner = new AtomicReference<>();
    private volatile PipelineFlow pipeline; // the last pipeline to open a segment (it may hold the write permit)

    Session(Transport transport, Map<String, String> parameters, BackendKey key, TransactionStatus status,
            IntPredicate binaryResultType, String authMethod) {
        this.authMethod = authMethod;
        this.transport = transport;
        this.reader = transport.reader();
        this.writer = transport.writer();
        this.parameters = new ConcurrentHashMap<>(parameters);
        this.backendKey = key;
        this.status = status;
        this.statements = new StatementCache(binaryResultType);
        reader.maxLength(Transport.MAX_MESSAGE_LENGTH);
    }

    /** Opens a session over a connected transport: startup, authentication, ready. */
    public static Session open(Transport transport, StartupRequest request) throws SQLException {
        return new Startup(transport, request).run();
    }

    // ---- public operations -------------------------------------------------------------------

    /** Runs {@code sql} (one or more statements) with the simple query protocol. */
    public List<QueryResult> simpleQuery(String sql, Consumer<ServerError> notices) throws SQLException {
        long started = observeStart(sql);
        try {
            SimpleQuery q = new SimpleQuery(sql);
            run(q, notices);
            List<QueryResult> results = q.results();
            observeEnd(sql, started, results.isEmpty() ? -1 : results.get(results.size() - 1).rowCount(), null);
            return results;
        } catch (SQLException e) {
            observeEnd(sql, started, -1, e);
            throw e;
        }
    }

    /**
     * Runs {@code sql} (one or more statements) with the simple query protocol and reports how far
     * it got: the server stops at the first failing statement.
     */
    public BatchOutcome simpleQueryOutcome(String sql, Consumer<ServerError> notices) throws SQLException {
        SimpleQuery q = new SimpleQuery(sql);
        run(q, notices);
        return q.outcome();
    }

    /**
     * Runs a transaction-control or session statement ({@code COMMIT}, {@code ROLLBACK},
     * {@code SET …}) that must not itself open a transaction block.
     */
    public List<QueryResult> control(String sql, Consumer<ServerError> notices) throws SQLException {
        SimpleQuery q = new SimpleQuery(sql);
        q.neverBegin();
        run(q, notices);
        return q.results();
    }

    /**
     * Runs a statement that ends a transaction ({@code COMMIT}) like {@link #control}; when the
     * connection fails after it was sent and before its answer, throws 08007: the outcome is unknown.
     */
    public List<QueryResult> commit(String sql, Consumer<ServerError> notices) throws SQLException {
        SimpleQuery q = new SimpleQuery(sql);
        q.neverBegin();
        run(q, notices);
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
    public void observe(QueryObserver o) { observer = o == null ? QueryObserver.LOGGING : o; }

    /** Tells the observer a statement starts; returns the start time, or -1 when nobody listens. */
    private long observeStart(String sql) {
        QueryObserver o = observer;
        if (!QueryObserver.active(o)) return -1;
        o.started(sql);
        return System.nanoTime();
    }

    private void observeEnd(String sql, long started, long rows, SQLException failure) {
        if (started == -1) return;
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (failure == null) {
            observer.finished(sql, rows, took);
        } else {
            observer.failed(sql, failure, took);
        }
    }

    /** {@link #execute(String, Bindings, int, Consumer)} for a text a statement object runs again and again. */
    public QueryResult execute(StatementText text, Bindings bindings, int maxRows, Consumer<ServerError> notices)
            throws SQLException {
        long started = observeStart(text.sql());
        try {
            QueryResult r = execute(text, bindings, maxRows, notices, false);
            observeEnd(text.sql(), started, r.rowCount(), null);
            return r;
        } catch (SQLException e) {
            observeEnd(text.sql(), started, -1, e);
            throw e;
        }
    }

    private QueryResult execute(StatementText text, Bindings bindings, int maxRows, Consumer<ServerError> notices,
                                boolean retry) throws SQLException {
        CachedQuery q = text.take(bindings, maxRows, statements);
        run(q, notices);
        q.recordRun();
        SQLException f = q.failure();
        if (f != null && q.usedCache() && StatementCache.isStale(f)) {
            // DDL changed the columns, or DISCARD ALL / DEALLOCATE dropped the statement: forget it, and run it
            // afresh unless the failure aborted a transaction block (then the caller must roll back first)
            if (SqlState.INVALID_SQL_STATEMENT_NAME.equals(f.getSQLState())) statements.forgetAllNames();
            statements.forget(q.key());
            if (!retry && status != TransactionStatus.FAILED) return execute(text, bindings, maxRows, notices, true);
        }
        q.throwIfFailed();
        QueryResult r = q.result();
        if (q.usedFormats() && !statements.readable(r.description())) {
            // a column's type changed since the last run to one the codecs read only as text: this run was a
            // plain SELECT (only those reuse formats unnamed), so run it again reading text
            statements.forget(q.key());
            if (!retry && status != TransactionStatus.FAILED) return execute(text, bindings, maxRows, notices, true);
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "cached plan must not change result type: a column "
                    + "of this query changed its type since the last run; run the query again");
        }
        text.giveBack(q);
        return r;
    }

    /** Sets how statements are cached and prepared on the server (before the session is shared). */
    public void statementSettings(StatementSettings settings) {
        this.settings = settings;
        statements.configure(settings.prepareThreshold(), settings.cacheSize(), settings.cacheBytes());
    }

    /** How statements are cached, prepared and batched. */
    public StatementSettings statementSettings() { return settings; }

    /**
     * Runs one statement and reads its rows in chunks of {@code fetchSize}; see {@link PortalStream}
     * for how the chunks travel inside and outside a transaction block.
     */
    public PortalStream stream(String sql, Bindings bindings, int fetchSize, Consumer<ServerError> notices)
            throws SQLException {
        return PortalStream.open(this, statements, sql, bindings, fetchSize, notices);
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
        if (batch.isEmpty()) return new BatchOutcome(List.of(), -1, null);
        long started = observeStart(texts.get(0));
        try {
            ExtendedQuery q = new ExtendedQuery(texts, batch, statements, prepareThreshold);
            run(q, notices);
            q.recordRuns();
            SQLException f = q.failure();
            if (f != null && q.failedOnCachedStep() && StatementCache.isStale(f) && status != TransactionStatus.FAILED) {
                // as in execute: a prepared statement went stale; the batch was rolled back whole, so run it afresh
                if (SqlState.INVALID_SQL_STATEMENT_NAME.equals(f.getSQLState())) statements.forgetAllNames();
                q.forgetPlans();
                q = new ExtendedQuery(texts, batch, statements, prepareThreshold);
                run(q, notices);
                q.recordRuns();
            }
            if (q.failure() != null && q.failedExecution() < 0) q.throwIfFailed();
            BatchOutcome outcome = new BatchOutcome(q.results(), q.failedExecution(), q.failure());
            observeEnd(texts.get(0), started, outcome.results().stream().mapToLong(r -> Math.max(0, r.rowCount())).sum(),
                    outcome.failure());
            return outcome;
        } catch (SQLException e) {
            observeEnd(texts.get(0), started, -1, e);
            throw e;
        }
    }

    /**
     * Starts {@code COPY ... FROM STDIN} or {@code COPY ... TO STDOUT}: the connection is the
     * copy's until the returned flow ends; see {@link CopyFlow}.
     */
    public CopyFlow copy(String sql, Consumer<ServerError> notices) throws SQLException {
        return CopyFlow.start(this, new CopyExchange(sql), notices);
    }

    /**
     * A new pipeline on this session: statements queued without waiting, synced when asked. While
     * it has statements queued, it alone writes to the session.
     */
    public PipelineFlow pipeline() { return new PipelineFlow(this, statements); }

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

    /** The transport under this session (for TLS details); never used to send or receive. */
    public Transport transport() { return transport; }

    /** Notifications received so far and not yet taken. */
    public Notification pollNotification() { return notifications.poll(); }

    /** The notifications received and not yet taken (bounded). */
    public NotificationQueue notifications() { return notifications; }

    /** Where notices go besides their request: the handler, the last 50, the connection's warnings. */
    public Notices notices() { return notices; }

    /** How long a read may wait for the server's answer before the session is closed; zero waits forever. */
    public void networkTimeout(Duration timeout) { networkTimeout = timeout; }

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
        return new NotificationWait(this, notifications).await(timeout);
    }

    /** The request whose answers come next, or null when none is in flight. */
    Exchange head() { return pending.peek(); }

    /** True while another thread waits to read, or waits for a request another reader may have completed. */
    boolean othersWaitToRead() { return readTurns.hasQueuedThreads() || awaiting.get() > 0; }

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
        if (copyOwner.get() != null) { // a COPY holds the write permit: no goodbye
            abort();
            endCopy();
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

    // ---- pipeline segments (see PipelineFlow): the write permit is held from the first statement to the Sync ----

    /** A pipeline opened by this thread holds the write permit: sync it before this thread's next request. */
    private void syncOwnPipeline() throws SQLException {
        PipelineFlow p = pipeline;
        if (p != null && p.ownedByCurrentThread()) p.sync();
    }

    /** Takes the write permit for {@code segment}, opens a transaction block first if needed, and queues it. */
    void openSegment(PipelineSegment segment, PipelineFlow flow) throws SQLException {
        syncOwnPipeline();
        acquireFor(null, 0); // a suspended stream reads its rest first
        try {
            checkOpen();
            if (!autoCommit && status == TransactionStatus.IDLE && !beginInFlight) {
                segment.beginFirst(begin);
                beginInFlight = true;
            }
            pending.add(segment);
            pipeline = flow;
        } catch (SQLException | RuntimeException e) {
            writePermit.release();
            throw e;
        }
    }

    /** Writes part of an open segment; false (and the session broken) when the connection failed. */
    boolean writeSegment(byte[] bytes) {
        if (isClosed()) return false;
        try {
            writer.writeRaw(bytes);
            return true;
        } catch (IOException io) {
            fail(transport.ioFailure(io));
            return false;
        }
    }

    /** Releases the write permit once a segment's Sync is written. */
    void closeSegment() { writePermit.release(); }

    /** Reads until {@code segment} is complete. */
    void awaitSegment(PipelineSegment segment) throws SQLException { await(segment, 0); }

    void ensureOpen() throws SQLException { checkOpen(); }

    // ---- the request pipeline ----------------------------------------------------------------

    private void run(Exchange e, Consumer<ServerError> notices) throws SQLException {
        submit(e, 0);
        await(e, 0);
        if (e.autosavepoint() != null && e.failure() != null && status == TransactionStatus.FAILED && !isClosed()
                && autoSave.restoresAfter(e.failure())) {
            restoreAutosave(e);
        }
        if (notices != null && !e.notices().isEmpty()) e.notices().forEach(notices);
    }

    /** Rolls back to the automatic savepoint set before {@code e}, which failed; the transaction goes on. */
    private void restoreAutosave(Exchange e) throws SQLException {
        String sp = e.autosavepoint();
        SimpleQuery r = new SimpleQuery("ROLLBACK TO SAVEPOINT " + sp
                + (autoSave.cleanup() ? "; RELEASE SAVEPOINT " + sp : ""));
        r.neverBegin();
        submit(r, 0);
        await(r, 0);
        if (r.failure() != null) e.failure().addSuppressed(r.failure());
    }

    /**
     * Writes {@code e} and queues it for its responses. Returns false when the deadline (a
     * {@link System#nanoTime()} value, 0 for none) passed while another request was being written.
     */
    boolean submit(Exchange e, long deadline) throws SQLException {
        syncOwnPipeline();
        if (!acquireFor(e.conversation(), deadline)) return false;
        boolean handedOff = false;
        cancels.enterWrite();
        try {
            checkOpen();
            e.owner(cancels.currentOwner());
            if (!autoCommit && e.mayBegin() && status == TransactionStatus.IDLE && !beginInFlight) {
                e.beginFirst(begin);
                beginInFlight = true;
            }
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

    /**
     * Takes the write permit for a request of {@code owner} (null for none). A conversation that
     * holds the session and is not the owner first makes way (reads the rest of its answer into
     * memory and lets go), so the request never lands inside another conversation.
     */
    private boolean acquireFor(Conversation owner, long deadline) throws SQLException {
        if (!acquireWritePermit(deadline)) return false;
        for (Conversation c; (c = open) != null && c != owner; ) {
            writePermit.release();
            c.makeWay();
            if (!acquireWritePermit(deadline)) return false;
        }
        return true;
    }

    /**
     * Runs {@code step} of {@code owner} under the write permit, after any other conversation made
     * way; {@code step} writes with {@link #writeHeld} and may {@link #hold}/{@link #release}.
     */
    <T> T whileHolding(Conversation owner, HeldStep<T> step) throws SQLException {
        acquireFor(owner, 0);
        try {
            checkOpen();
            return step.run();
        } finally {
            writePermit.release();
        }
    }

    /** A step run under the write permit. */
    interface HeldStep<T> {
        T run() throws SQLException;
    }

    /** Writes and queues a small exchange; the caller holds the write permit ({@link #whileHolding}). */
    void writeHeld(Exchange e) throws SQLException {
        e.write(writer);
        pending.add(e);
        try {
            writer.flush();
        } catch (IOException io) {
            fail(transport.ioFailure(io));
            checkOpen();
        }
    }

    /** Makes {@code c} the conversation that holds the session; under the write permit. */
    void hold(Conversation c) { open = c; }

    /** Lets go of the session if {@code c} holds it; under the write permit. */
    void release(Conversation c) {
        if (open == c) open = null;
    }

    /** How many transaction blocks have ended so far: a portal of a block lives while this stays the same. */
    public long blocksEnded() { return blocksEnded; }

    /** A portal name unique in this session. */
    String nextPortalName() { return "ysql_portal_" + portals.incrementAndGet(); }

    /**
     * Takes the write permit. A caller that has to wait for another thread's request and is
     * interrupted while waiting gets 57014 and sends nothing; a free permit is taken even by an
     * interrupted thread, so cleanup such as a rollback still works.
     */
    private boolean acquireWritePermit(long deadline) throws SQLException {
        if (copyOwner.get() == Thread.currentThread()) {
            throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "a COPY is in progress on this connection: finish or close it first");
        }
        if (writePermit.tryAcquire()) return true;
        try {
            if (deadline != 0) {
                return writePermit.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            writePermit.acquire();
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            if (deadline != 0) return false;
            throw SqlExceptions.of(SqlState.QUERY_CANCELED, "interrupted while waiting for another thread's request "
                    + "to be written; this statement was not sent and the connection remains usable", ie);
        }
    }

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
        return await(e, deadline, null);
    }

    /** Reads as {@link #await(Exchange, long)} does, until {@code until} (if not null) holds or {@code e} is done. */
    private boolean await(Exchange e, long deadline, BooleanSupplier until) throws SQLException {
        if (e.isDone()) return true;
        awaiting.incrementAndGet();
        try {
            return awaitRead(e, deadline, until);
        } finally {
            awaiting.decrementAndGet();
        }
    }

    private static boolean met(BooleanSupplier until) {
        return until != null && until.getAsBoolean();
    }

    private boolean awaitRead(Exchange e, long deadline, BooleanSupplier until) throws SQLException {
        while (!e.isDone() && !met(until)) {
            if (!readTurns.tryTake()) {
                if (!readTurns.await(e, deadline)) return false;
                continue; // e is done, or the turn is free: look again
            }
            try {
                // past its own answer, the reader goes on through the answers that have already arrived (never
                // waiting for one): their senders wake at once, and the socket changes hands less often
                while (!e.isDone() && !met(until)
                        || until == null && deadline == 0 && headIsSealed() && !isClosed() && reader.hasArrived()) {
                    Exchange head = pending.peek();
                    if (head == null) {
                        fail(Protocol.violation("a response arrived with no request waiting for it"));
                        break;
                    }
                    long left = deadline == 0 ? 0 : deadline - System.nanoTime();
                    if (deadline != 0 && left <= 0) return false;
                    if (!readWithin(head, left)) return false;
                }
            } finally {
                readTurns.release(pending);
            }
        }
        return true;
    }

    /**
     * Reads and routes one message, waiting at most {@code left} nanoseconds (0: no limit of the
     * caller's). False when that time passed first; nothing was consumed then, and the next reader
     * resumes there. While a request is in flight the network timeout bounds the wait too: it
     * passing closes the session with 08006.
     */
    boolean readWithin(Exchange head, long left) throws SQLException {
        long network = head == null ? 0 : networkTimeout.toNanos();
        boolean networkFirst = network > 0 && (left == 0 || network < left);
        transport.readTimeout(Duration.ofNanos(networkFirst ? network : left));
        try {
            readOne(head);
            return true;
        } catch (SocketTimeoutException timeout) {
            if (!networkFirst) return false;
            fail(SqlExceptions.of(SqlState.CONNECTION_FAILURE, "the server sent no answer within the network timeout of "
                    + networkTimeout.toMillis() + " ms (socket_timeout, or Connection.setNetworkTimeout); the connection "
                    + "was closed: open a new one, and raise the timeout if the server is just slow", timeout));
            return true;
        }
    }

    /**
     * Takes the read turn without a request of one's own (a notification wait, a COPY's poll):
     * at once, or within a slice of at most {@code deadline} (-1: only if free). Give it back with
     * {@link #releaseReading()}.
     */
    boolean lockForReading(long deadline) throws SQLException {
        if (readTurns.tryTake()) return true;
        if (deadline == -1) return false;
        long wait = deadline == 0 ? LOCK_SLICE_NANOS : Math.min(LOCK_SLICE_NANOS, deadline - System.nanoTime());
        return readTurns.tryTake(Math.max(0, wait));
    }

    /** Gives back the read turn taken with {@link #lockForReading} and wakes the next waiting sender. */
    void releaseReading() { readTurns.release(pending); }

    private boolean headIsSealed() {
        Exchange head = pending.peek();
        return head != null && head.sealed();
    }

    private void readOne(Exchange head) throws SocketTimeoutException {
        BackendMessage m;
        try {
            m = reader.read();
        } catch (SocketTimeoutException timeout) {
            throw timeout;
        } catch (IOException io) {
            fail(transport.ioFailure(io));
            return;
        } catch (ProtocolViolation pv) {
            fail(Protocol.violation(pv.getMessage()));
            return;
        }
        try {
            // a thread that started reading while idle learns only now whose answer this is
            dispatch(head != null ? head : pending.peek(), m);
        } catch (SQLException violation) {
            fail(violation);
        }
    }

    private void dispatch(Exchange head, BackendMessage m) throws SQLException {
        if (m instanceof ParameterStatus p) {
            parameters.put(p.name(), p.value());
        } else if (m instanceof NoticeResponse n) {
            ServerError notice = new ServerError(n.fields());
            if (head != null) head.notice(notice);
            notices.received(notice, head == null);
        } else if (m instanceof NotificationResponse n) {
            notifications.add(new Notification(n.processId(), n.channel(), n.payload()));
        } else if (head == null) {
            if (!(m instanceof ErrorResponse err)) throw Protocol.unexpected(m, "no request is waiting for an answer");
            fail(SqlExceptions.fromServer(new ServerError(err.fields()))); // e.g. the backend was terminated
        } else if (m instanceof ReadyForQuery rfq) {
            TransactionStatus was = status;
            status = TransactionStatus.of(rfq.status());
            if (status == TransactionStatus.IDLE && was != TransactionStatus.IDLE) blocksEnded++;
            if (head.beginsTransaction()) beginInFlight = false;
            if (head.ready(rfq)) pending.poll();
        } else if (m instanceof ErrorResponse err && isFatal(err)) {
            SQLException ex = SqlExceptions.fromServer(new ServerError(err.fields()));
            head.fail(ex);
            fail(ex); // the server closes the session after a FATAL error
        } else {
            head.handle(m);
            if (head.isDone()) pending.poll(); // ended without ReadyForQuery (a portal read with Flush)
            FrontendMessage reply = head.takeReply();
            if (reply != null) sendReply(reply);
        }
    }

    private static boolean isFatal(ErrorResponse err) {
        String s = err.fields().getOrDefault('V', err.fields().get('S'));
        return "FATAL".equals(s) || "PANIC".equals(s);
    }

    private void sendReply(FrontendMessage reply) {
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

    // ---- COPY: the flow holds the write permit from its Query to its end (see CopyFlow) ----------

    /** Writes {@code e}'s COPY query and keeps the write permit (unless it throws). */
    void beginCopy(CopyExchange e) throws SQLException {
        acquireFor(null, 0); // a suspended stream reads its rest first
        try {
            checkOpen();
            if (!autoCommit && e.mayBegin() && status == TransactionStatus.IDLE && !beginInFlight) {
                e.beginFirst(begin);
                beginInFlight = true;
            }
            e.write(writer);
            pending.add(e);
            copyOwner.set(Thread.currentThread());
            writer.flush();
        } catch (IOException io) {
            fail(transport.ioFailure(io));
        } catch (SQLException | RuntimeException x) {
            if (copyOwner.get() == null) writePermit.release();
            throw x;
        }
    }

    /** Sends a message of the COPY in progress (the caller holds the permit through {@link #beginCopy}). */
    void copySend(FrontendMessage m) throws SQLException {
        try {
            writer.add(m);
            writer.flush();
        } catch (IOException io) {
            SQLException failure = transport.ioFailure(io);
            fail(failure);
            throw failure;
        }
    }

    /** Reads for the COPY in progress until {@code until} holds or {@code e} is done. */
    void copyAwait(CopyExchange e, BooleanSupplier until) throws SQLException {
        await(e, 0, until);
    }

    /**
     * Reads what the server has already sent, without waiting for more, so an error during a
     * COPY FROM STDIN is seen while data is still being written (the copy can then stop early)
     * and notices never fill the socket buffers.
     */
    void copyPoll(CopyExchange e) throws SQLException {
        if (!lockForReading(-1)) return; // another thread is reading: it serves the copy too
        try {
            while (!e.isDone() && reader.available() > 0) {
                Exchange head = pending.peek();
                if (head == null) break;
                readOne(head);
            }
        } catch (IOException io) {
            fail(transport.ioFailure(io));
        } finally {
            releaseReading();
        }
    }

    /** Ends the COPY in progress: the write permit goes back to the other requests. Idempotent. */
    void endCopy() {
        if (copyOwner.getAndSet(null) != null) writePermit.release();
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
    private void fail(SQLException cause) {
        if (broken == null) broken = cause;
        transport.close();
        abortAll(cause);
    }

    private void abortAll(SQLException cause) {
        Exchange e;
        while ((e = pending.poll()) != null) e.abort(cause);
    }
}
