package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.backend.ReadyForQuery;
import io.ysql.internal.wire.frontend.Query;
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
    private String begin;
    private String savepoint;
    private boolean release;
    private boolean mayBegin = true;
    private int readies;
    private volatile Object owner;

    /** Encodes the request. Called once, under the session's write permit. */
    abstract void write(MessageWriter out);

    /**
     * Asks the exchange to open a transaction block first (autocommit off): it then writes a
     * {@code BEGIN} query ahead of its request and expects one more ReadyForQuery.
     */
    final void beginFirst() { beginFirst("BEGIN"); }

    /** As {@link #beginFirst()}, with the given {@code BEGIN} text ({@code BEGIN READ ONLY} …). */
    final void beginFirst(String sql) { begin = sql; }

    final boolean beginsTransaction() { return begin != null; }

    /** The BEGIN text asked for by {@link #beginFirst(String)}, or null. */
    final String beginText() { return begin; }

    /**
     * Whether the exchange writes its prefix with {@link #writePrefix} and trims its results with
     * {@link #ownResults}, so the session may ask it for an automatic savepoint.
     */
    boolean takesAutosave() { return false; }

    /**
     * Asks the exchange to run {@code SAVEPOINT name} before its request (after any BEGIN) and,
     * with {@code release}, {@code RELEASE SAVEPOINT name} after it, each as a query of its own in
     * the same write.
     */
    final void autosave(String name, boolean release) {
        this.savepoint = name;
        this.release = release;
    }

    /** The automatic savepoint set before the request, or null. */
    final String autosavepoint() { return savepoint; }

    /** Writes BEGIN and SAVEPOINT, as asked, ahead of the request. */
    final void writePrefix(MessageWriter out) {
        if (begin != null) out.add(new Query(begin));
        if (savepoint != null) out.add(new Query("SAVEPOINT " + savepoint));
    }

    /** Writes RELEASE SAVEPOINT, as asked, after the request. */
    final void writeSuffix(MessageWriter out) {
        if (release) out.add(new Query("RELEASE SAVEPOINT " + savepoint));
    }

    /** Whether a prefix or a suffix adds results that are not the request's own. */
    final boolean trimsResults() { return begin != null || savepoint != null || release; }

    /** How many results the prefix adds before the request's own. */
    final int prefixResults() { return (begin != null ? 1 : 0) + (savepoint != null ? 1 : 0); }

    /** The request's own results out of all the exchange collected: without prefix and suffix. */
    final <T> List<T> ownResults(List<T> all) {
        int from = Math.min(prefixResults(), all.size());
        int to = all.size();
        // RELEASE's result is the last once the exchange is done, unless the request failed (then RELEASE failed too)
        if (release && done && failure() == null && to > from) to--;
        return from == 0 && to == all.size() ? all : all.subList(from, to);
    }

    /** Transaction control and pings never open a transaction block of their own. */
    final Exchange neverBegin() {
        mayBegin = false;
        return this;
    }

    final boolean mayBegin() { return mayBegin; }

    /** Whose request this is (a statement execution's scope, else the submitting thread): what a cancel targets. */
    final void owner(Object o) { owner = o; }

    final Object owner() { return owner; }

    /** Counts a ReadyForQuery; true when it was the exchange's last. */
    final boolean ready(ReadyForQuery rfq) {
        readies++;
        if (readies < 1 + (begin != null ? 1 : 0) + (savepoint != null ? 1 : 0) + (release ? 1 : 0)) return false;
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

    /**
     * Ends the exchange before any ReadyForQuery: a portal read with Flush instead of Sync ends at
     * PortalSuspended, CommandComplete or ErrorResponse. The session then takes the next exchange.
     */
    final void endWithoutReady() {
        done = true;
        wakeWaiter(); // its sender may be parked waiting for another thread's reading (ReadTurns)
    }

    /** The conversation this exchange belongs to, which may hold the session between requests; null for none. */
    Conversation conversation() { return null; }

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

    /** Makes a completed exchange new again, so a flow can be sent once more without a new object. */
    void reset() {
        done = false;
        failure = null;
        notices = List.of();
        ready = null;
        reply = null;
        begin = null;
        savepoint = null;
        release = false;
        readies = 0;
        owner = null;
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
