package io.ysql.internal.session;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.frontend.Sync;
import java.sql.SQLException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The pipeline flow: statements queued one after another without waiting for their results, and
 * a Sync only when the caller asks for one. Between two syncs the flow holds the session's write
 * permit, so other threads' requests are never interleaved into a pipeline; they are written
 * after its Sync. Queued statements go out as they accumulate ({@value #EARLY_WRITE} bytes at a
 * time), written by the caller for as much as a single request may be (the socket buffers hold
 * it whatever the server does), then in chunks of {@value #CHUNK} bytes by a writer thread of the
 * segment, so the caller never blocks on a socket the server may have stopped reading while it
 * waits for its answers to be read. The Sync is followed by reading every result in order. Not
 * thread-safe: one thread at a time queues and syncs; the session syncs a pipeline opened by the
 * current thread before that thread's other requests.
 */
public final class PipelineFlow {
    static final int CHUNK = 64 * 1024;
    /** Queued statements are sent once this many bytes wait, so the server starts on them early. */
    static final int EARLY_WRITE = 2 * 1024;
    private static final byte[] END = new byte[0];

    private final SegmentLane lane;
    private final StatementCache cache;
    private final ByteWriter buffer = new ByteWriter(8192);
    private final ByteWriter scratch = new ByteWriter(256);
    private volatile PipelineSegment segment; // open: its Sync is not queued yet
    private volatile Thread owner;
    private BlockingQueue<byte[]> chunks; // the segment's writer thread's queue, once one is started
    private int writtenInline; // bytes of the open segment written by the caller itself
    private PipelineSegment unresolved; // synced, but its answers not all read yet (the reader was interrupted)

    PipelineFlow(SegmentLane lane, StatementCache cache) {
        this.lane = lane;
        this.cache = cache;
    }

    /**
     * Queues one statement; it is sent with the next chunk or the next {@link #sync()}.
     *
     * @throws SQLException 08003 when the connection is closed, 54000 when a message is too large
     *         (nothing is queued then), 57014 when interrupted while another thread's request was written
     */
    public PipelineStep add(String sql, Bindings bindings) throws SQLException {
        PipelineSegment s = segment;
        if (s == null) {
            if (unresolved != null) finish(unresolved);
            s = new PipelineSegment(cache);
            lane.open(s, this);
            owner = Thread.currentThread();
            segment = s;
            s.writePreamble(buffer);
        } else {
            lane.ensureOpen();
        }
        owner = Thread.currentThread();
        scratch.reset();
        PipelineStep step;
        try {
            step = s.add(sql, bindings, scratch);
        } catch (RuntimeException encoding) {
            throw SqlExceptions.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "the statement cannot be sent: "
                    + encoding.getMessage() + "; it was not queued, the pipeline remains usable", encoding);
        }
        buffer.writeBytes(scratch.array(), 0, scratch.size());
        if (buffer.size() >= EARLY_WRITE) {
            if (chunks == null && writtenInline + buffer.size() <= Session.INLINE_WRITE_LIMIT) {
                // as little as a single request may be written inline: the socket buffers hold it whatever the server does
                byte[] b = take();
                writtenInline += b.length;
                lane.write(b);
            } else if (buffer.size() >= CHUNK) {
                handOff(take());
            }
        }
        return step;
    }

    /** Statements queued since the last sync. */
    public int queued() {
        PipelineSegment s = segment;
        return s == null ? 0 : s.size();
    }

    /** True when a segment is open and was opened (or last added to) by the calling thread. */
    boolean ownedByCurrentThread() { return segment != null && owner == Thread.currentThread(); }

    /**
     * Sends a Sync after the queued statements and reads all their results, in order. Returns the
     * first error of the statements since the last sync (the server's error of the one that
     * failed), or null; every queued statement's {@link PipelineStep} is done afterwards.
     */
    public SQLException sync() throws SQLException {
        PipelineSegment s = segment;
        if (s == null) return unresolved == null ? null : finish(unresolved);
        segment = null;
        owner = null;
        s.seal();
        Sync.INSTANCE.encode(buffer);
        byte[] last = take();
        boolean inline = chunks == null && writtenInline + last.length <= Session.INLINE_WRITE_LIMIT;
        writtenInline = 0;
        if (inline) {
            try {
                lane.write(last);
            } finally {
                lane.close();
            }
        } else {
            handOff(last);
            chunks.add(END); // the writer thread releases the write permit after the Sync
            chunks = null;
        }
        unresolved = s;
        return finish(s);
    }

    private SQLException finish(PipelineSegment s) throws SQLException {
        lane.await(s);
        unresolved = null;
        return s.resolve();
    }

    private byte[] take() {
        byte[] b = buffer.toByteArray();
        buffer.reset();
        return b;
    }

    /** Queues a chunk for the segment's writer thread, starting it with the first chunk. */
    private void handOff(byte[] chunk) {
        if (chunks == null) {
            BlockingQueue<byte[]> q = new LinkedBlockingQueue<>();
            chunks = q;
            Thread t = new Thread(() -> writeAll(q), "ysql-pipeline-writer");
            t.setDaemon(true);
            t.start();
        }
        chunks.add(chunk);
    }

    private void writeAll(BlockingQueue<byte[]> q) {
        boolean ok = true;
        try {
            while (true) {
                byte[] chunk = takeUninterruptibly(q);
                if (chunk == END) return;
                if (ok) ok = lane.write(chunk);
            }
        } finally {
            lane.close();
        }
    }

    private static byte[] takeUninterruptibly(BlockingQueue<byte[]> q) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return q.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
