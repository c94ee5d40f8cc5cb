package io.ysql.internal.session;

import io.ysql.internal.transport.Transport;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session's way in for the requests of a {@link PortalStream} after its opening one: each step
 * (the next chunk, the rest of the rows, a Sync or a Close) is written under the write permit,
 * after any other conversation holding the session made way; a stream reading with Flush outside
 * a transaction block holds the session between its steps and lets go once its Sync is written.
 * Also names the portals of the session's transaction blocks.
 */
final class PortalLane extends Lane {
    private final AtomicInteger portals = new AtomicInteger();

    PortalLane(Session session, WritePermit permit, ResponseRouter reads, PendingQueue pending, Transport transport) {
        super(session, permit, reads, pending, transport);
    }

    /** A step run under the write permit. */
    interface HeldStep<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code step} of {@code owner} under the write permit, after any other conversation made
     * way; {@code step} writes with {@link #write} and may {@link #hold}/{@link #release}.
     */
    <T> T whileHolding(Conversation owner, HeldStep<T> step) throws SQLException {
        permit.acquireFor(owner, 0);
        try {
            session.checkOpen();
            return step.run();
        } finally {
            permit.release();
        }
    }

    /** Writes and queues a small exchange; the caller holds the write permit ({@link #whileHolding}). */
    void write(Exchange e) throws SQLException {
        e.write(writer);
        pending.add(e);
        try {
            writer.flush();
        } catch (IOException io) {
            broken(io);
            session.checkOpen();
        }
    }

    /** Makes {@code c} the conversation that holds the session; under the write permit. */
    void hold(Conversation c) { permit.hold(c); }

    /** Lets go of the session if {@code c} holds it; under the write permit. */
    void release(Conversation c) { permit.letGo(c); }

    /** A portal name unique in this session. */
    String nextPortalName() { return "ysql_portal_" + portals.incrementAndGet(); }
}
