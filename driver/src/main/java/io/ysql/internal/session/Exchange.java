package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.backend.ReadyForQuery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One request on the wire and the responses that belong to it, up to and including its
 * ReadyForQuery. The session writes exchanges back to back and hands every backend message, in
 * order, to the exchange at the head of its queue; whichever thread is reading does that, so an
 * exchange never knows which thread completes it.
 */
abstract class Exchange {
    private volatile boolean done;
    private volatile Thread waiter; // the sender, parked until this exchange is done or it may read
    private SQLException failure;
    private List<ServerError> notices = List.of();
    private ReadyForQuery ready;
    private FrontendMessage reply;
    private boolean begin;
    private boolean mayBegin = true;
    private int readies;

    /** Encodes the request. Called once, under the session's write permit. */
    abstract void write(MessageWriter out);

    /**
     * Asks the exchange to open a transaction block first (autocommit off): it then writes a
     * {@code BEGIN} query ahead of its request and expects one more ReadyForQuery.
     */
    final void beginFirst() { begin = true; }

    final boolean beginsTransaction() { return begin; }

    /** Transaction control and pings never open a transaction block of their own. */
    final Exchange neverBegin() {
        mayBegin = false;
        return this;
    }

    final boolean mayBegin() { return mayBegin; }

    /** Counts a ReadyForQuery; true when it was the exchange's last. */
    final boolean ready(ReadyForQuery rfq) {
        readies++;
        if (readies < (begin ? 2 : 1)) return false;
        finish(rfq);
        return true;
    }

    /**
     * Consumes one backend message (never ParameterStatus, NoticeResponse or
     * NotificationResponse: the session routes those). ReadyForQuery ends the exchange; the
     * session calls {@link #finish} after it.
     *
     * @throws SQLException a protocol violation: a message this flow cannot receive now
     */
    abstract void handle(BackendMessage message) throws SQLException;

    private void finish(ReadyForQuery rfq) {
        this.ready = rfq;
        this.done = true;
        wakeWaiter();
    }

    /** False while the request is still being added to (an open pipeline segment): its answers are not read yet. */
    boolean sealed() { return true; }

    /** Sets (or clears, with null) the thread parked waiting for this exchange. */
    final void waiter(Thread t) { waiter = t; }

    /** Unparks the thread waiting for this exchange; false when none waits. */
    final boolean wakeWaiter() {
        Thread t = waiter;
        if (t == null) return false;
        LockSupport.unpark(t);
        return true;
    }

    /** Called by the session when the connection failed before this exchange completed. */
    final void abort(SQLException e) {
        if (done) return;
        if (failure == null) failure = e;
        done = true;
        wakeWaiter();
    }

    /** Records the first server error of this exchange; the rest of it is skipped by the server. */
    final void fail(SQLException e) {
        if (failure == null) failure = e;
    }

    final void notice(ServerError n) {
        if (notices.isEmpty()) notices = new ArrayList<>(2);
        notices.add(n);
    }

    /** Asks the session to send {@code m} now, while the server waits for it (e.g. CopyFail). */
    final void reply(FrontendMessage m) { reply = m; }

    final FrontendMessage takeReply() {
        FrontendMessage m = reply;
        reply = null;
        return m;
    }

    final boolean isDone() { return done; }

    final SQLException failure() { return failure; }

    final List<ServerError> notices() { return notices; }

    final ReadyForQuery ready() { return ready; }

    /** Throws the recorded failure, if any. */
    final void throwIfFailed() throws SQLException {
        if (failure != null) throw failure;
    }
}
