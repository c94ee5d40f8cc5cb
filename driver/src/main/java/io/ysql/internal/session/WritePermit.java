package io.ysql.internal.session;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who may write to a session next. One request at a time holds the permit while it is written;
 * a pipeline segment keeps it from its first statement to its Sync, and a COPY from its query to
 * its end (the thread that started the copy gets 55000 if it tries to write anything else
 * meanwhile). A conversation may also hold the session between its requests (a portal read with
 * Flush leaves the server inside an unfinished extended-query sequence): before any other request
 * is written, the holder is asked to make way. No I/O here: the session writes under the permit.
 */
final class WritePermit {
    private final Semaphore permit = new Semaphore(1);
    /** The thread that started the COPY in progress, which holds the permit until it ends; else null. */
    private final AtomicReference<Thread> copyOwner = new AtomicReference<>();
    private Conversation open; // guarded by the permit: holds the session between its requests

    /**
     * Takes the permit. A caller that has to wait for another thread's request and is interrupted
     * while waiting gets 57014 and sends nothing; a free permit is taken even by an interrupted
     * thread, so cleanup such as a rollback still works. False when the deadline (a
     * {@link System#nanoTime()} value, 0 for none) passed first.
     */
    boolean acquire(long deadline) throws SQLException {
        if (copyOwner.get() == Thread.currentThread()) {
            throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "a COPY is in progress on this connection: finish or close it first");
        }
        if (permit.tryAcquire()) return true;
        try {
            if (deadline != 0) {
                return permit.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            permit.acquire();
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            if (deadline != 0) return false;
            throw SqlExceptions.of(SqlState.QUERY_CANCELED, "interrupted while waiting for another thread's request "
                    + "to be written; this statement was not sent and the connection remains usable", ie);
        }
    }

    /**
     * Takes the permit for a request of {@code owner} (null for none). A conversation that holds
     * the session and is not the owner first makes way (reads the rest of its answer into memory
     * and lets go), so the request never lands inside another conversation.
     */
    boolean acquireFor(Conversation owner, long deadline) throws SQLException {
        if (!acquire(deadline)) return false;
        for (Conversation c; (c = open) != null && c != owner; ) {
            permit.release();
            c.makeWay();
            if (!acquire(deadline)) return false;
        }
        return true;
    }

    /** Takes the permit whatever happens (a reply inside an exchange, the goodbye). */
    void acquireUninterruptibly() { permit.acquireUninterruptibly(); }

    void release() { permit.release(); }

    /** Makes {@code c} the conversation that holds the session; under the permit. */
    void hold(Conversation c) { open = c; }

    /** Lets go of the session if {@code c} holds it; under the permit. */
    void letGo(Conversation c) {
        if (open == c) open = null;
    }

    /** Keeps the permit, taken by the calling thread, for the COPY it starts, until {@link #endCopy()}. */
    void keepForCopy() { copyOwner.set(Thread.currentThread()); }

    /** Whether a COPY holds the permit. */
    boolean heldByCopy() { return copyOwner.get() != null; }

    /** Ends the COPY in progress: the permit goes back to the other requests. Idempotent. */
    void endCopy() {
        if (copyOwner.getAndSet(null) != null) permit.release();
    }
}
