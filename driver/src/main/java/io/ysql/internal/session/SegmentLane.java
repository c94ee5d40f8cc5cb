package io.ysql.internal.session;

import io.ysql.internal.transport.Transport;
import java.io.IOException;
import java.sql.SQLException;

/**
 * A session's way in for pipeline segments (see {@link PipelineFlow}): a segment takes the write
 * permit with its first statement and keeps it until its Sync is written, so other threads'
 * requests never land inside it. A thread that opened a segment and then sends another request
 * has its pipeline synced first, since its own request would otherwise wait for a permit it holds.
 */
final class SegmentLane extends Lane {
    private volatile PipelineFlow pipeline; // the last pipeline to open a segment (it may hold the write permit)

    SegmentLane(Session session, WritePermit permit, ResponseRouter reads, PendingQueue pending, Transport transport) {
        super(session, permit, reads, pending, transport);
    }

    /** A pipeline opened by this thread holds the write permit: sync it before this thread's next request. */
    void syncOwn() throws SQLException {
        PipelineFlow p = pipeline;
        if (p != null && p.ownedByCurrentThread()) p.sync();
    }

    /** Takes the write permit for {@code segment}, opens a transaction block first if needed, and queues it. */
    void open(PipelineSegment segment, PipelineFlow flow) throws SQLException {
        syncOwn();
        permit.acquireFor(null, 0); // a suspended stream reads its rest first
        try {
            session.checkOpen();
            session.beginBlockIfIdle(segment);
            pending.add(segment);
            pipeline = flow;
        } catch (SQLException | RuntimeException e) {
            permit.release();
            throw e;
        }
    }

    /** Writes part of an open segment; false (and the session broken) when the connection failed. */
    boolean write(byte[] bytes) {
        if (session.isClosed()) return false;
        try {
            writer.writeRaw(bytes);
            return true;
        } catch (IOException io) {
            broken(io);
            return false;
        }
    }

    /** Releases the write permit once a segment's Sync is written. */
    void close() { permit.release(); }

    /** Reads until {@code segment} is complete. */
    void await(PipelineSegment segment) throws SQLException { reads.await(segment, 0, null); }

    /** Throws 08003 or 08006 when the session is closed or broken. */
    void ensureOpen() throws SQLException { session.checkOpen(); }
}
