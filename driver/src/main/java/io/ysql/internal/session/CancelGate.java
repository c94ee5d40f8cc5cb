package io.ysql.internal.session;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps a cancel from hitting the wrong statement. A CancelRequest is sent only while its target
 * is still in flight, decided under the gate, and no request is written while a cancel is on its
 * way: writers hold the gate shared for the moment of writing, a cancel holds it exclusively from
 * the decision until the server has closed the cancel connection (by then the backend has been
 * signalled). A statement that completes just as it is canceled therefore either is canceled or is
 * not, and the statement after it never is. A cancel targets the requests of one owner: the scope
 * the submitting thread declared (a statement), else that thread. A scope's cancel also names the
 * execution it was decided for, and is sent only while the scope still runs that one.
 */
final class CancelGate {
    /** Sends the CancelRequest and waits for the server to close the connection it came on. */
    @FunctionalInterface
    interface Send {
        void run() throws SQLException;
    }

    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    /** The scope each thread declared; a thread-local value is set and cleared without allocating. */
    private final ThreadLocal<Object> scopes = new ThreadLocal<>();

    void beginScope(Object scope) { scopes.set(scope); }

    void endScope() { scopes.set(null); }

    /** The owner of a request the calling thread submits now. */
    Object currentOwner() {
        Object scope = scopes.get();
        return scope != null ? scope : Thread.currentThread();
    }

    /** Called before a request is written; waits while a cancel is in flight. */
    void enterWrite() { gate.readLock().lock(); }

    void exitWrite() { gate.readLock().unlock(); }

    /**
     * Sends the cancel when a request of {@code owner} (any request when null) is among
     * {@code pending} and not complete; true when it was sent.
     */
    boolean cancel(Object owner, Iterable<Exchange> pending, Send send) throws SQLException {
        return cancel(owner, null, 0, pending, send);
    }

    /**
     * Sends the cancel when {@code scope} still runs {@code execution} (its number, decided before
     * the gate was taken) and a request of the scope is among {@code pending} and not complete;
     * true when it was sent. An execution numbers itself before it writes, so if it began after
     * the decision, it is seen here and spared.
     */
    boolean cancel(CancelScope scope, long execution, Iterable<Exchange> pending, Send send) throws SQLException {
        return cancel(scope, scope, execution, pending, send);
    }

    private boolean cancel(Object owner, CancelScope scope, long execution, Iterable<Exchange> pending, Send send)
            throws SQLException {
        gate.writeLock().lock();
        try {
            if (scope != null && (execution == 0 || scope.runningExecution() != execution)) return false;
            if (!inFlight(owner, pending)) return false;
            send.run();
            return true;
        } finally {
            gate.writeLock().unlock();
        }
    }

    private static boolean inFlight(Object owner, Iterable<Exchange> pending) {
        for (Exchange e : pending) {
            if (!e.isDone() && (owner == null || e.owner() == owner)) return true;
        }
        return false;
    }
}
