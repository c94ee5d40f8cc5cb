package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.session.PortalStep.Outcome;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.backend.ReadyForQuery;
import io.ysql.internal.wire.backend.RowDescription;
import io.ysql.internal.wire.frontend.Bind;
import io.ysql.internal.wire.frontend.Close;
import io.ysql.internal.wire.frontend.Describe;
import io.ysql.internal.wire.frontend.Execute;
import io.ysql.internal.wire.frontend.Flush;
import io.ysql.internal.wire.frontend.Parse;
import io.ysql.internal.wire.frontend.Sync;
import java.sql.SQLException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The streaming flow: one statement whose rows arrive in chunks, so a result of any length needs
 * memory for a chunk only. Inside a transaction block the statement is bound to a named portal and
 * each chunk is its own request ({@code Execute(portal, n)} + Sync); the portal lives until the
 * block ends, and other requests interleave freely. Outside one (autocommit) a portal would not
 * survive a Sync, so the chunks are read with {@code Execute(n)} + Flush and the Sync is sent only
 * at the end: meanwhile the stream holds the session, and any other request first makes it read
 * the rest of its rows into memory ({@code Execute(0)} + Sync): correctness over memory.
 *
 * <p>Inside a block, {@code autosave} covers the stream as it covers a statement: the opening
 * request, and with {@code always} each chunk's, are written after {@code SAVEPOINT}, and a request
 * that fails is rolled back to its savepoint, so the transaction stays usable.
 *
 * <p>One owner thread reads the chunks ({@link #next}); any thread may make way. The write-side
 * state is guarded by the session's write permit; received steps are queued in request order.
 */
public final class PortalStream implements Conversation {
    private final Session session;
    private final PortalLane lane;
    private final StatementCache cache;
    private final String sql;
    private final Bindings bindings;
    private final Consumer<ServerError> notices;
    private final Queue<PortalStep> received = new ConcurrentLinkedQueue<>(); // written, not yet taken
    // guarded by the write permit
    private boolean inBlock;
    private String portal = "";
    private boolean syncPending; // outside a block: Sync not yet written, the session is held
    private boolean portalOpen; // inside a block: the portal may have rows and is not closed
    private boolean closed;
    private volatile PortalStep lastWritten;
    private PortalStep lastSync;
    private StatementCache.Plan plan;
    // the owner's
    private RowDescription description;
    private long blockEpoch;
    private boolean finished;
    private SQLException failure;
    private String tag;
    private long rowCount = -1;
    private int chunks;
    private QueryResult first;

    private PortalStream(Session session, PortalLane lane, StatementCache cache, String sql, Bindings bindings,
                         Consumer<ServerError> notices) {
        this.session = session;
        this.lane = lane;
        this.cache = cache;
        this.sql = sql;
        this.bindings = bindings;
        this.notices = notices;
    }

    static PortalStream open(Session session, PortalLane lane, StatementCache cache, String sql, Bindings bindings,
                             int fetchSize, Consumer<ServerError> notices) throws SQLException {
        if (fetchSize < 1) throw new IllegalArgumentException("fetch size must be positive, was " + fetchSize);
        PortalStream s = new PortalStream(session, lane, cache, sql, bindings, notices);
        s.start(fetchSize, false);
        return s;
    }

    private void start(int fetchSize, boolean retry) throws SQLException {
        PortalStep opening = new PortalStep(this, fetchSize);
        session.submit(opening, 0);
        PortalStep s = take();
        SQLException f = s.failure();
        if (f != null) {
            received.clear();
            finished = true;
            PortalStep sync = finishWrites(false);
            if (sync != null) session.await(sync, 0);
            boolean usedCache = plan != null && (plan.kind() != StatementCache.Kind.UNNAMED || plan.formats().length > 0);
            if (usedCache && StatementCache.isStale(f)) {
                if (SqlState.INVALID_SQL_STATEMENT_NAME.equals(f.getSQLState())) cache.forgetAllNames();
                cache.forget(plan.key());
                if (!retry && session.transactionStatus() != TransactionStatus.FAILED) {
                    finished = false;
                    start(fetchSize, true);
                    return;
                }
            }
            if (plan != null) cache.failed(plan);
            throw f;
        }
        description = s.description();
        cache.ran(plan, description, false); // a stream may be DML with RETURNING: its unnamed runs read text
        blockEpoch = s.blocksEnded();
        if (inBlock && s.outcome() == Outcome.SUSPENDED && s.ready().status() != ReadyForQuery.IN_TRANSACTION) {
            failure = blockEnded(); // another thread ended the block before the portal's first chunk was read
        }
        ResultRows rows = accept(s);
        first = new QueryResult(description, rows, tag, rowCount, !finished);
        if (finished && lastSync != null && !keepsStatus(first.command())) {
            session.await(lastSync, 0); // a statement that may change the transaction status: know it before returning
        }
    }

    /** Commands that never begin or end a transaction block: their Sync's answer need not be awaited. */
    private static boolean keepsStatus(String command) {
        return switch (command) {
            case "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "FETCH", "MOVE", "SHOW" -> true;
            default -> false;
        };
    }

    /** Writes the opening request; called by the opening step under the write permit. */
    void writeOpening(MessageWriter out, PortalStep step, int fetchSize) {
        for (String name : cache.drainCloses()) out.add(Close.statement(name));
        step.writePrefix(out); // BEGIN (as the session's characteristics ask), when autocommit is off
        inBlock = step.beginsTransaction() || step.autosavepoint() != null
                || session.transactionStatus() != TransactionStatus.IDLE;
        portal = inBlock ? lane.nextPortalName() : "";
        plan = cache.plan(new StatementCache.Key(sql, bindings.typeOids().clone()), -1);
        if (plan.kind() != StatementCache.Kind.NAMED) out.add(new Parse(plan.name(), sql, bindings.typeOids()));
        out.add(new Bind(portal, plan.name(), bindings.formats(), bindings.values(), plan.formats()));
        if (plan.kind() != StatementCache.Kind.NAMED) out.add(Describe.portal(portal)); // a statement being prepared too
        else step.expect(plan.description());
        out.add(new Execute(portal, fetchSize));
        out.add(inBlock ? Sync.INSTANCE : Flush.INSTANCE);
        step.writeSuffix(out); // RELEASE SAVEPOINT, with cleanupSavepoints
        step.endsAtReady(inBlock);
        portalOpen = inBlock;
        syncPending = !inBlock;
        if (syncPending) lane.hold(this);
        lastWritten = step;
        received.add(step);
    }

    long blocksEndedNow() { return session.blocksEnded(); }

    // ---- the owner's side --------------------------------------------------------------------

    /** The first chunk: the columns, its rows, and the command tag when the statement already completed. */
    public QueryResult first() { return first; }

    /** True when every row has been received (or the stream failed or was closed). */
    public boolean isFinished() { return finished && failure == null; }

    /** The columns, or null when the statement returns no rows. */
    public RowDescription description() { return description; }

    /** The command tag once the statement completed, e.g. {@code SELECT 10000000}; else null. */
    public String commandTag() { return tag; }

    /** The row count of the command tag once the statement completed; else -1. */
    public long rowCount() { return rowCount; }

    /** How many chunks (requests answered with rows or an outcome) this stream took so far. */
    public int chunks() { return chunks; }

    /**
     * The next chunk of up to {@code fetchSize} rows (more when the rest was read to make way),
     * or null when there are no more. A server error met on the way is thrown once, after the rows
     * that came before it.
     */
    public ResultRows next(int fetchSize) throws SQLException {
        if (fetchSize < 1) throw new IllegalArgumentException("fetch size must be positive, was " + fetchSize);
        throwFailure();
        while (!finished) {
            if (received.isEmpty() && !request(fetchSize)) break;
            ResultRows r = accept(take());
            if (!r.isEmpty()) return r;
            throwFailure();
        }
        throwFailure();
        finished = true;
        return null;
    }

    private void throwFailure() throws SQLException {
        SQLException f = failure;
        if (f == null) return;
        failure = null;
        finished = true;
        throw f;
    }

    private PortalStep take() throws SQLException {
        PortalStep s = received.peek();
        session.await(s, 0);
        session.restoreAutosave(s); // when it failed after an automatic savepoint: the block goes on
        received.poll();
        chunks++;
        if (notices != null && !s.notices().isEmpty()) s.notices().forEach(notices);
        return s;
    }

    private ResultRows accept(PortalStep s) throws SQLException {
        switch (s.outcome()) {
            case SUSPENDED -> { }
            case COMPLETE -> {
                tag = s.tag();
                rowCount = s.rowCount();
                finished = true;
            }
            case FAILED -> {
                failure = s.failure();
                finished = true;
            }
            case NONE -> finished = true;
        }
        if (finished) {
            try {
                finishWrites(s.outcome() != Outcome.FAILED);
            } catch (SQLException e) {
                if (failure == null) throw e;
                failure.addSuppressed(e);
            }
        }
        return s.rows();
    }

    /** Asks for the next chunk; false when there is nothing left to ask for. */
    private boolean request(int fetchSize) throws SQLException {
        return lane.whileHolding(this, () -> {
            if (!received.isEmpty()) return true; // the rest was asked for to make way
            if (closed) return false;
            PortalStep step;
            if (inBlock) {
                if (!portalOpen) return false;
                if (session.blocksEnded() != blockEpoch) {
                    portalOpen = false;
                    failure = blockEnded();
                    return false;
                }
                step = new PortalStep(this, List.of(new Execute(portal, fetchSize), Sync.INSTANCE), true, description);
                AutoSave policy = session.autoSave();
                if (policy.savesChunks() && session.transactionStatus() == TransactionStatus.IN_TRANSACTION) {
                    step.autosave(AutoSave.SAVEPOINT, policy.cleanup()); // a failure at any row keeps the block usable
                }
            } else {
                if (!syncPending) return false;
                step = new PortalStep(this, List.of(new Execute("", fetchSize), Flush.INSTANCE), false, description);
            }
            lane.write(step);
            lastWritten = step;
            received.add(step);
            return true;
        });
    }

    /**
     * After the last chunk: ends the request sequence (Sync) outside a block, closes the portal
     * inside one. Nothing waits for these answers; the next reader takes them in passing. Returns
     * the Sync step when one was written.
     */
    private PortalStep finishWrites(boolean closePortal) throws SQLException {
        if (session.isClosed()) return null;
        return lane.whileHolding(this, () -> {
            PortalStep sync = null;
            if (syncPending) {
                sync = new PortalStep(this, List.of(Sync.INSTANCE), true, null);
                lastSync = sync;
                lane.write(sync);
                syncPending = false;
                lane.release(this);
            } else if (portalOpen) {
                if (closePortal && session.blocksEnded() == blockEpoch) {
                    lane.write(new PortalStep(this, List.of(Close.portal(portal), Sync.INSTANCE), true, null));
                }
                portalOpen = false;
            }
            return sync;
        });
    }

    /**
     * Closes the portal: outside a block with Close and Sync (the rest of the rows are never
     * produced), inside one with Close and Sync while the block lasts (after it, the portal is
     * gone already). Nothing is sent on a closed connection.
     */
    public void close() throws SQLException {
        if (closed) return;
        finished = true;
        if (session.isClosed()) {
            closed = true;
            received.clear();
            return;
        }
        lane.whileHolding(this, () -> {
            closed = true;
            boolean sendClose = syncPending || (portalOpen && session.blocksEnded() == blockEpoch);
            if (sendClose) {
                lane.write(new PortalStep(this, List.of(Close.portal(portal), Sync.INSTANCE), true, null));
            }
            syncPending = false;
            portalOpen = false;
            lane.release(this);
            return null;
        });
        received.clear();
    }

    // ---- making way ----------------------------------------------------------------------------

    @Override
    public void makeWay() throws SQLException {
        while (true) {
            PortalStep last = lastWritten;
            session.await(last, 0); // how did the last request end? (often known already)
            boolean done = lane.whileHolding(this, () -> {
                if (lastWritten != last) return false; // the owner asked for more meanwhile
                if (syncPending) {
                    boolean rest = !closed && last.outcome() == Outcome.SUSPENDED;
                    PortalStep step = rest
                            ? new PortalStep(this, List.of(new Execute("", 0), Sync.INSTANCE), true, last.description())
                            : new PortalStep(this, List.of(Sync.INSTANCE), true, null);
                    lane.write(step);
                    syncPending = false;
                    if (rest) { // only once queued: the owner (and any thread making way) may await it at once
                        lastWritten = step;
                        received.add(step);
                    }
                }
                lane.release(this);
                return true;
            });
            if (done) return;
        }
    }

    private static SQLException blockEnded() {
        return SqlExceptions.of(SqlState.INVALID_CURSOR_STATE, "the transaction that held this result's portal ended "
                + "(commit or rollback) before all rows were read; read the rows before ending the transaction, or "
                + "stream them in autocommit mode");
    }

    /** Shows the shape only. */
    @Override
    public String toString() {
        return "PortalStream[" + (inBlock ? "portal " + portal : "unnamed portal") + ", " + chunks + " chunks"
                + (finished ? ", finished" : "") + "]";
    }
}
