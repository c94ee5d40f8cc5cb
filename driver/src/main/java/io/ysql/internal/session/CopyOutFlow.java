package io.ysql.internal.session;

import io.ysql.error.ServerError;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * A {@code COPY ... TO STDOUT} in progress: {@link #read()} returns the server's CopyData
 * messages one at a time (PostgreSQL sends one row per message), read from the socket only when
 * asked, so a copy of any size streams. {@link #drain()} reads and drops the rest, which is how a
 * copy closed early leaves the connection usable. Not thread-safe.
 */
public final class CopyOutFlow implements CopyFlow {
    private final CopyLane lane;
    private final CopyExchange exchange;
    private final Consumer<ServerError> notices;
    private final boolean binary;
    private final int columns;
    private boolean ended;

    CopyOutFlow(CopyLane lane, CopyExchange exchange, Consumer<ServerError> notices) {
        this.lane = lane;
        this.exchange = exchange;
        this.notices = notices;
        this.binary = exchange.copyOut().overallFormat() == 1;
        this.columns = exchange.copyOut().columnFormats().length;
    }

    @Override public boolean binary() { return binary; }

    @Override public int columnCount() { return columns; }

    @Override public boolean isActive() { return !ended; }

    /** The next CopyData message, or null at the end of the copy (whose error, if any, is raised then). */
    public byte[] read() throws SQLException {
        if (ended) return null;
        try {
            lane.await(exchange, exchange::hasChunk);
        } catch (SQLException | RuntimeException e) {
            end();
            throw e;
        }
        byte[] chunk = exchange.takeChunk();
        if (chunk != null) return chunk;
        end();
        exchange.throwIfFailed();
        return null;
    }

    /** Reads and drops the rest of the copy; returns its row count, or -1 when it failed. */
    public long drain() {
        try {
            while (read() != null) {
                // dropped
            }
            return exchange.rowCount();
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The count of the {@code COPY n} tag once the copy has ended, else -1. */
    public long rowCount() { return ended ? exchange.rowCount() : -1; }

    private void end() {
        if (ended) return;
        ended = true;
        lane.end();
        if (notices != null) exchange.notices().forEach(notices);
    }
}
