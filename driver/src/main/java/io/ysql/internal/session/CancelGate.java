package io.ysql.internal.session;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

/**
 * Keeps a cancel from hitting the wrong statement. A CancelRequest is sent only while its target
 * is still in flight, decided under the gate, and no request is written while a cancel is on its
 * way: writers hold the gate shared for the moment of writing, a cancel holds it exclusively from
 * the decision until the server has closed the cancel connection (by then the backend has been
 * signalled). A statement that completes just as it is canceled therefore either is canceled or is
 * not, and the statement after it never is.
 */
final class CancelGate {
    /** Sends the CancelRequest and waits for the server to close the connection it came on. */
    @FunctionalInterface
    interface Send {
        void run() throws SQLException;
    }

    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

    /** Called before a request is written; waits while a cancel is in flight. */
    void enterWrite() { gate.readLock().lock(); }

    void exitWrite() { gate.readLock().unlock(); }

    /** Sends the cancel when {@code inFlight} says its target still runs; true when it was sent. */
    boolean cancel(BooleanSupplier inFlight, Send send) throws SQLException {
        gate.writeLock().lock();
        try {
            if (!inFlight.getAsBoolean()) return false;
            send.run();
            return true;
        } finally {
            gate.writeLock().unlock();
        }
    }
}
