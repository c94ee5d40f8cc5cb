package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.CopyData;
import io.ysql.internal.wire.CopyDone;
import io.ysql.internal.wire.backend.CommandComplete;
import io.ysql.internal.wire.backend.CopyBothResponse;
import io.ysql.internal.wire.backend.CopyInResponse;
import io.ysql.internal.wire.backend.CopyOutResponse;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.frontend.Query;
import java.sql.SQLException;

/**
 * The responses to one {@code COPY} statement sent as a simple Query: a CopyInResponse or
 * CopyOutResponse that starts the copy, the CopyData of a COPY TO STDOUT handed over one message
 * at a time, the {@code COPY n} command tag and the ReadyForQuery. The copy flows
 * ({@link CopyInFlow}, {@link CopyOutFlow}) drive it while holding the session's write permit; a
 * second COPY in the same query text is not data this exchange can take: its rows are dropped
 * and a second COPY FROM STDIN is flagged for the flow to refuse.
 */
final class CopyExchange extends Exchange {
    private final String sql;
    private final ResultCollector collector = new ResultCollector();
    private CopyInResponse in;
    private CopyOutResponse out;
    private int copies;
    private boolean extraCopyIn;
    private boolean outEnded;
    private byte[] chunk;
    private long rowCount = -1;

    CopyExchange(String sql) { this.sql = sql; }

    @Override
    void write(MessageWriter w) {
        writePrefix(w); // BEGIN (with the session's characteristics) when autocommit is off
        w.add(new Query(sql));
    }

    /** Its answers are read by its own flow, step by step, never ahead by another thread's reader. */
    @Override
    boolean sealed() { return false; }

    @Override
    void handle(BackendMessage m) throws SQLException {
        if (m instanceof CopyData d) {
            if (out != null && copies == 1 && !outEnded) chunk = d.data();
        } else if (m instanceof CopyDone) {
            outEnded = true;
        } else if (m instanceof CopyInResponse r) {
            if (++copies == 1) in = r;
            else extraCopyIn = true;
        } else if (m instanceof CopyOutResponse r) {
            if (++copies == 1) out = r;
        } else if (m instanceof CopyBothResponse) {
            throw Protocol.unexpected(m, "COPY BOTH (replication) is not supported");
        } else if (m instanceof ErrorResponse e) {
            fail(SqlExceptions.fromServer(new ServerError(e.fields())));
        } else {
            if (m instanceof CommandComplete c && rowCount < 0 && "COPY".equals(c.command())) rowCount = c.rowCount();
            if (!collector.accept(m)) throw Protocol.unexpected(m, "during COPY");
        }
    }

    /** True once the server started the copy (or the exchange ended without one). */
    boolean started() { return copies > 0 || isDone(); }

    /** The CopyInResponse that started a COPY FROM STDIN, or null. */
    CopyInResponse copyIn() { return in; }

    /** The CopyOutResponse that started a COPY TO STDOUT, or null. */
    CopyOutResponse copyOut() { return out; }

    boolean hasChunk() { return chunk != null; }

    /** The CopyData received and not yet taken, or null. */
    byte[] takeChunk() {
        byte[] c = chunk;
        chunk = null;
        return c;
    }

    /** True once, when a second COPY FROM STDIN in the same query text waits for its data. */
    boolean takeExtraCopyIn() {
        boolean e = extraCopyIn;
        extraCopyIn = false;
        return e;
    }

    /** The count of the {@code COPY n} tag, or -1 when none came. */
    long rowCount() { return rowCount; }
}
