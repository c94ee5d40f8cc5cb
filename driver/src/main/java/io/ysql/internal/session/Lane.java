package io.ysql.internal.session;

import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.transport.Transport;
import java.io.IOException;
import java.sql.SQLException;

/**
 * A way in to a {@link Session} for a conversation that keeps the write permit, or the session,
 * across several messages: {@link CopyLane}, {@link SegmentLane}, {@link PortalLane}. A lane
 * writes with the session's writer under its {@link WritePermit}, queues what it writes on the
 * session's pending queue, and reads through its {@link ResponseRouter}; a failed write breaks
 * the session, as any other would.
 */
abstract sealed class Lane permits CopyLane, SegmentLane, PortalLane {
    final Session session;
    final WritePermit permit;
    final ResponseRouter reads;
    final PendingQueue pending;
    final MessageWriter writer;
    private final Transport transport;

    Lane(Session session, WritePermit permit, ResponseRouter reads, PendingQueue pending, Transport transport) {
        this.session = session;
        this.permit = permit;
        this.reads = reads;
        this.pending = pending;
        this.transport = transport;
        this.writer = transport.writer();
    }

    /** Breaks the session after a failed write and returns the failure (08006). */
    final SQLException broken(IOException io) {
        SQLException failure = transport.ioFailure(io);
        session.fail(failure);
        return failure;
    }
}
