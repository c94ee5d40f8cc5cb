package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.wire.CopyData;
import io.ysql.internal.wire.CopyDone;
import io.ysql.internal.wire.frontend.CopyFail;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A {@code COPY ... FROM STDIN} in progress: bytes written here are gathered into CopyData
 * messages of {@value #CHUNK} bytes and sent as each fills, so memory stays bounded whatever the
 * size of the input. Before each message the flow reads whatever the server has sent meanwhile:
 * when the server has already failed the copy (a bad row, a constraint), writing stops there and
 * its error is raised, instead of streaming the rest of the input for the server to discard.
 * {@link #end()} sends CopyDone and returns the row count; {@link #fail(String)} sends CopyFail.
 * Not thread-safe: one thread writes at a time.
 */
public final class CopyInFlow implements CopyFlow {
    /** Bytes of data per CopyData message. */
    static final int CHUNK = 64 * 1024;

    private final CopyLane lane;
    private final CopyExchange exchange;
    private final Consumer<ServerError> notices;
    private final boolean binary;
    private final int columns;
    private byte[] chunk;
    private int filled;
    private boolean ended;

    CopyInFlow(CopyLane lane, CopyExchange exchange, Consumer<ServerError> notices) {
        this.lane = lane;
        this.exchange = exchange;
        this.notices = notices;
        this.binary = exchange.copyIn().overallFormat() == 1;
        this.columns = exchange.copyIn().columnFormats().length;
    }

    @Override public boolean binary() { return binary; }

    @Override public int columnCount() { return columns; }

    @Override public boolean isActive() { return !ended; }

    /** Adds {@code len} bytes of copy data; a full chunk is sent at once. */
    public void write(byte[] b, int off, int len) throws SQLException {
        checkActive();
        if (chunk == null) chunk = new byte[CHUNK];
        while (len > 0) {
            if (filled == CHUNK) sendChunk();
            int n = Math.min(len, CHUNK - filled);
            System.arraycopy(b, off, chunk, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Sends the data still buffered and CopyDone, and returns the server's row count. */
    public long end() throws SQLException {
        checkActive();
        try {
            if (filled > 0) sendChunk();
            if (!exchange.isDone()) lane.send(CopyDone.INSTANCE);
            awaitEnd();
        } finally {
            ended = true;
            lane.end();
        }
        exchange.throwIfFailed();
        return exchange.rowCount();
    }

    /**
     * Aborts the copy with CopyFail: the server rolls the COPY back and answers with an error
     * quoting {@code reason}, which is returned (null when the copy had already ended).
     */
    public SQLException fail(String reason) {
        if (ended) return null;
        try {
            if (!exchange.isDone()) lane.send(new CopyFail(reason));
            awaitEnd();
        } catch (SQLException e) {
            return e;
        } finally {
            ended = true;
            lane.end();
        }
        return exchange.failure();
    }

    private void sendChunk() throws SQLException {
        lane.poll(exchange);
        if (exchange.isDone()) { // the server failed the copy already: it would discard the rest
            ended = true;
            lane.end();
            if (notices != null) exchange.notices().forEach(notices);
            exchange.throwIfFailed();
            throw Protocol.violation("the server ended a COPY FROM STDIN before its data");
        }
        byte[] data = filled == CHUNK ? chunk : Arrays.copyOf(chunk, filled);
        filled = 0;
        lane.send(new CopyData(data));
    }

    private void awaitEnd() throws SQLException {
        while (true) {
            lane.await(exchange, exchange::takeExtraCopyIn);
            if (exchange.isDone()) break;
            lane.send(new CopyFail("only one COPY FROM STDIN per statement text is supported"));
        }
        if (notices != null) exchange.notices().forEach(notices);
    }

    private void checkActive() throws SQLException {
        if (ended) throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "the COPY has ended; start a new one");
    }
}
