package io.ysql.internal.jdbc;

import io.ysql.internal.session.CancelScope;
import io.ysql.internal.session.Session;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cancels a statement that outlives its query timeout: a CancelRequest is sent when the timer
 * fires before {@link #close()}, if the statement ({@code scope}) still runs the execution the timer
 * was started for and its request is in flight.
 * Closing and firing exclude each other, so once close returns no cancel for this statement can
 * still be sent; and the session writes no request while a cancel is on its way, so a cancel that
 * races with the statement's completion never reaches the next statement.
 */
final class QueryTimer implements AutoCloseable {
    private final Session session;
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledFuture<?> future;
    private final CancelScope scope;
    private final long execution;
    private boolean done;

    QueryTimer(Session session, ScheduledExecutorService scheduler, Duration timeout, CancelScope scope, long execution) {
        this.session = session;
        this.scope = scope;
        this.execution = execution;
        this.future = scheduler.schedule(this::fire, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void fire() {
        lock.lock();
        try {
            if (done) return;
            done = true;
            session.cancel(scope, execution);
        } catch (SQLException e) {
            // the statement goes on; nothing else to do from a timer thread
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        future.cancel(false);
        lock.lock();
        try {
            done = true;
        } finally {
            lock.unlock();
        }
    }
}
