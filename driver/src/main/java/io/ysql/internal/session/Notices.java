package io.ysql.internal.session;

import io.ysql.error.ServerError;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Where a session's NoticeResponses go besides the request they came with: the user's notice
 * handler (called on the thread that read the notice), the last {@value #KEPT} notices (psycopg2's
 * {@code connection.notices}), and, for a notice that arrived while no request was in flight, the
 * connection's warnings. A handler that throws is logged and does not disturb the session.
 */
public final class Notices {
    static final int KEPT = 50;
    private static final System.Logger LOG = System.getLogger("io.ysql.internal.session");

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<ServerError> recent = new ArrayDeque<>(KEPT);
    private volatile Consumer<ServerError> handler;
    private volatile Consumer<ServerError> idle;

    /** Called with every notice, on the thread that read it; null for none. */
    public void handler(Consumer<ServerError> h) { handler = h; }

    /** Receives the notices that arrive while no request is in flight (the connection's warnings). */
    public void idleSink(Consumer<ServerError> sink) { idle = sink; }

    /** Routes one notice; {@code idle} when no request was waiting for answers. */
    void received(ServerError notice, boolean whileIdle) {
        lock.lock();
        try {
            if (recent.size() == KEPT) recent.poll();
            recent.add(notice);
        } finally {
            lock.unlock();
        }
        deliver(handler, notice);
        if (whileIdle) deliver(idle, notice);
    }

    /** The last 50 notices received, oldest first. */
    public List<ServerError> recent() {
        lock.lock();
        try {
            return List.copyOf(recent);
        } finally {
            lock.unlock();
        }
    }

    private static void deliver(Consumer<ServerError> to, ServerError notice) {
        if (to == null) return;
        try {
            to.accept(notice);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the notice handler threw; the notice was " + notice.sqlState(), e);
        }
    }
}
