package io.ysql.internal.session;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Who reads the socket of a shared session, and how the others wait. One thread at a time reads
 * (it holds the turn) and completes the exchanges at the head of the queue, whoever sent them;
 * completing an exchange wakes its sender directly, so a reader that drains a buffer full of
 * answers wakes all their senders at once instead of passing a lock from one to the next. A
 * sender whose answer has not come waits parked on its own exchange; the reader that gives up the
 * turn wakes the first waiting sender, who takes the turn.
 */
final class ReadTurns {
    private final ReentrantLock turn = new ReentrantLock();
    /** Senders parked in {@link #await}: a reader giving up the turn looks for one to wake only when there are. */
    private final AtomicInteger parked = new AtomicInteger();

    /** Takes the turn if no one holds it. */
    boolean tryTake() { return turn.tryLock(); }

    /** Takes the turn, waiting at most {@code nanos} for it (a reader without a request of its own). */
    boolean tryTake(long nanos) throws SQLException {
        try {
            return turn.tryLock(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether a thread waits in {@link #tryTake(long)}. */
    boolean hasQueuedThreads() { return turn.hasQueuedThreads(); }

    /** Gives up the turn and wakes the first sender still waiting, who will read next. */
    void release(PendingQueue pending) {
        turn.unlock();
        if (parked.get() > 0) pending.wakeFirstWaiter();
    }

    /**
     * Parks until {@code e} is complete or the turn is free. Returns false when the deadline (a
     * {@link System#nanoTime()} value, 0 for none) passed first. A sender interrupted while waiting
     * gets 57014; its request stays queued, and its answer is read and dropped by the next reader.
     */
    boolean await(Exchange e, long deadline) throws SQLException {
        e.waiter(Thread.currentThread());
        parked.incrementAndGet();
        try {
            while (!e.isDone() && turn.isLocked()) {
                if (Thread.currentThread().isInterrupted()) {
                    if (deadline != 0) return false;
                    throw SqlExceptions.of(SqlState.QUERY_CANCELED, "interrupted while waiting for the answers to "
                            + "other threads' requests; this statement was already sent and may still run, its answer "
                            + "is discarded, and the connection remains usable");
                }
                if (deadline == 0) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return false;
                    LockSupport.parkNanos(this, left);
                }
            }
            return true;
        } finally {
            parked.decrementAndGet();
            e.waiter(null);
        }
    }
}
