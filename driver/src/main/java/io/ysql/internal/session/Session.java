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
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * blocked writing its answers. Type-agnostic: parameters arrive encoded and rows leave as bytes.
 */
public final class Session implements AutoCloseable {
    /** Requests larger than this are written by a separate thread while the caller reads. */
    static final int INLINE_WRITE_LIMIT = 128 * 1024;

    private final Transport transport;
    private final MessageReader reader;
    private final MessageWriter writer;
    private final Semaphore writePermit = new Semaphore(1);
    private final ReadTurns readTurns = new ReadTurns();
    private final Queue<Exchange> pending = new ConcurrentLinkedQueue<>();
    private final Map<String, String> parameters;
    private final BackendKey backendKey;
    private final String authMethod;
    private final StatementCache statements;
    private final Queue<Notification> notifications = new ConcurrentLinkedQueue<>();
    private volatile TransactionStatus status;
    private volatile SQLException broken;
    private volatile boolean closed;
    private volatile boolean autoCommit = true;
    private volatile boolean beginInFlight;
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
        SimpleQuery q = new SimpleQuery(sql);
        run(q, notices);
        return q.results();
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
     * Runs one statement with the extended protocol: parameters travel apart from the text.
     *
     * @param maxRows 0 for all rows, else the most rows to return
     */
    public QueryResult execute(String sql, Bindings bindings, int maxRows, Consumer<ServerError> notices)
            throws SQLException {
        return execute(sql, bindings, maxRows, notices, false);
    }

    private QueryResult execute(String sql, Bindings bindings, int maxRows, Consumer<ServerError> notices, boolean retry)
            throws SQLException {
        CachedQuery q = new CachedQuery(sql, bindings, maxRows, statements);
        run(q, notices);
        SQLException f = q.failure();
        if (f != null && q.usedCache() && StatementCache.isStale(f)) {
            // DDL changed the columns, or DISCARD ALL dropped the statement: forget it, and run it afresh
            // unless the failure aborted a transaction block (then the caller must roll back first)
            if (SqlState.INVALID_SQL_STATEMENT_NAME.equals(f.getSQLState())) statements.forgetAllNames();
            statements.forget(sql, bindings.typeOids());
            if (!retry && status != TransactionStatus.FAILED) return execute(sql, bindings, maxRows, notices, true);
        }
        q.throwIfFailed();
        q.recordRun();
        return q.result();
    }

    /**
     * Runs one statement once per parameter set in a single round trip. Rows are not described;
     * the outcome says how far the batch got.
     */
    public BatchOutcome executeBatch(String sql, List<Bindings> batch, Consumer<ServerError> notices)
            throws SQLException {
        if (batch.isEmpty()) return new BatchOutcome(List.of(), -1, null);
        ExtendedQuery q = new ExtendedQuery(sql, batch);
        run(q, notices);
        if (q.failure() != null && q.failedExecution() < 0) q.throwIfFailed();
        return new BatchOutcome(q.results(), q.failedExecution(), q.failure());
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

    public BackendKey backendKey() { return backendKey; }

    /** How the server authenticated this session: trust, password, md5, SCRAM-SHA-256 or SCRAM-SHA-256-PLUS. */
    public String authMethod() { return authMethod; }

    /** The transport under this session (for TLS details); never used to send or receive. */
    public Transport transport() { return transport; }

    /** Notifications received so far and not yet taken. */
    public Notification pollNotification() { return notifications.poll(); }

    public boolean isClosed() { return closed || broken != null; }

    /** Asks the server, on a connection of its own, to cancel what this session is running. */
    public void cancel(Duration timeout) throws SQLException {
        if (backendKey == null) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "the server sent no cancel key for this session");
        }
        // to the very address this session is connected to, whatever the host name resolves to now
        String address = transport.socket().getInetAddress().getHostAddress();
        Transport.sendCancel(address, transport.port(), backendKey.processId(), backendKey.secretKey(), timeout);
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
        acquireWritePermit(0);
        try {
            checkOpen();
            if (!autoCommit && status == TransactionStatus.IDLE && !beginInFlight) {
                segment.beginFirst();
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
        if (notices != null && !e.notices().isEmpty()) e.notices().forEach(notices);
    }

    /**
     * Writes {@code e} and queues it for its responses. Returns false when the deadline (a
     * {@link System#nanoTime()} value, 0 for none) passed while another request was being written.
     */
    private boolean submit(Exchange e, long deadline) throws SQLException {
        syncOwnPipeline();
        if (!acquireWritePermit(deadline)) return false;
        boolean handedOff = false;
        try {
            checkOpen();
            if (!autoCommit && e.mayBegin() && status == TransactionStatus.IDLE && !beginInFlight) {
                e.beginFirst();
                beginInFlight = true;
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
            if (!handedOff) writePermit.release();
        }
        return true;
    }

    /**
     * Takes the write permit. A caller that has to wait for another thread's request and is
     * interrupted while waiting gets 57014 and sends nothing; a free permit is taken even by an
     * interrupted thread, so cleanup such as a rollback still works.
     */
    private boolean acquireWritePermit(long deadline) throws SQLException {
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
    private boolean await(Exchange e, long deadline) throws SQLException {
        while (!e.isDone()) {
            if (!readTurns.tryTake()) {
                if (!readTurns.await(e, deadline)) return false;
                continue;
            }
            try {
                // past its own answer, the reader goes on through the answers that have already arrived (never
                // waiting for one): their senders wake at once, and the socket changes hands less often
                while (!e.isDone() || (deadline == 0 && headIsSealed() && !isClosed() && reader.hasArrived())) {
                    Exchange head = pending.peek();
                    if (head == null) {
                        fail(Protocol.violation("a response arrived with no request waiting for it"));
                        break;
                    }
                    if (deadline != 0) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) return false;
                        transport.readTimeout(Duration.ofNanos(left));
                    }
                    try {
                        readOne(head);
                    } catch (SocketTimeoutException timeout) {
                        return false; // nothing was consumed; the next reader resumes here
                    } finally {
                        if (deadline != 0 && !isClosed()) transport.readTimeout(Duration.ZERO);
                    }
                }
            } finally {
                readTurns.release(pending);
            }
        }
        return true;
    }

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
            dispatch(head, m);
        } catch (SQLException violation) {
            fail(violation);
        }
    }

    private void dispatch(Exchange head, BackendMessage m) throws SQLException {
        if (m instanceof ParameterStatus p) {
            parameters.put(p.name(), p.value());
        } else if (m instanceof NoticeResponse n) {
            head.notice(new ServerError(n.fields()));
        } else if (m instanceof NotificationResponse n) {
            notifications.add(new Notification(n.processId(), n.channel(), n.payload()));
        } else if (m instanceof ReadyForQuery rfq) {
            status = TransactionStatus.of(rfq.status());
            if (head.beginsTransaction()) beginInFlight = false;
            if (head.ready(rfq)) pending.poll();
        } else if (m instanceof ErrorResponse err && isFatal(err)) {
            SQLException ex = SqlExceptions.fromServer(new ServerError(err.fields()));
            head.fail(ex);
            fail(ex); // the server closes the session after a FATAL error
        } else {
            head.handle(m);
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

    private void checkOpen() throws SQLException {
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
