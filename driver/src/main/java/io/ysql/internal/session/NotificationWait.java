package io.ysql.internal.session;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One wait for a notification: the flow that reads a session's socket while no request is in
 * flight. Under the session's read lock it reads and routes messages until a notification is
 * queued or the time is up; a request written meanwhile is served like any other (its answer goes
 * to it). It never starts a blocking read while another thread waits to read or waits for its
 * request (whose answer it may just have read), so no such thread is kept waiting.
 */
final class NotificationWait {
    private final Session session;
    private final ResponseRouter reads;
    private final NotificationQueue notifications;

    NotificationWait(Session session, ResponseRouter reads, NotificationQueue notifications) {
        this.session = session;
        this.reads = reads;
        this.notifications = notifications;
    }

    /** Takes a notification, waiting at most {@code timeout} ({@code ZERO}: reads what has arrived). */
    Notification await(Duration timeout) throws SQLException {
        Notification n = notifications.poll();
        if (n != null) return n;
        session.checkOpen();
        long deadline = System.nanoTime() + Math.max(1_000_000, timeout.toNanos());
        while (true) {
            if (reads.lockForReading(timeout.isZero() ? -1 : deadline)) {
                try {
                    readWhileIdle(deadline);
                } finally {
                    reads.releaseReading();
                }
            }
            n = notifications.poll();
            if (n != null || timeout.isZero() || System.nanoTime() - deadline >= 0) return n;
            session.checkOpen();
            if (Thread.currentThread().isInterrupted()) {
                throw SqlExceptions.of(SqlState.QUERY_CANCELED, "interrupted while waiting for a notification");
            }
            if (reads.othersWaitToRead()) Thread.yield(); // let them take the lock first
        }
    }

    /** Reads until a notification is queued, the deadline passes, or another thread waits to read while idle. */
    private void readWhileIdle(long deadline) throws SQLException {
        while (notifications.isEmpty() && !session.isClosed()) {
            Exchange head = reads.head();
            if (head == null && reads.othersWaitToRead()) return;
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            if (!reads.readWithin(head, left)) return;
        }
    }
}
