package io.ysql.internal.jdbc;

import io.ysql.CopyIn;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.codec.CopyRowWriter;
import io.ysql.internal.session.CopyInFlow;
import java.sql.SQLException;

/**
 * {@link CopyIn} over a copy flow: rows are encoded into a buffer that goes to the flow every
 * 32 KiB or so. A value that cannot be encoded aborts the copy (CopyFail) before its error is
 * raised, so no half row ever reaches the server.
 */
final class SessionCopyIn implements CopyIn {
    private static final int FLUSH_AT = 32 * 1024;

    private final CopyInFlow flow;
    private final CopyRowWriter rows;
    private final ByteWriter buffer = new ByteWriter(FLUSH_AT + 4096);

    SessionCopyIn(CopyInFlow flow, CopyRowWriter rows) {
        this.flow = flow;
        this.rows = rows;
    }

    @Override
    public void writeRow(Object... values) throws SQLException {
        checkActive();
        Object[] row = values == null ? new Object[] {null} : values;
        try {
            rows.writeRow(buffer, row);
        } catch (SQLException | RuntimeException e) {
            buffer.reset();
            throw SessionCopy.aborted(flow, "a row could not be encoded", e);
        }
        if (buffer.size() >= FLUSH_AT) push();
    }

    @Override
    public void write(byte[] data, int offset, int length) throws SQLException {
        checkActive();
        if (buffer.size() > 0) push();
        flow.write(data, offset, length);
    }

    @Override
    public long end() throws SQLException {
        checkActive();
        rows.writeEnd(buffer);
        push();
        return flow.end();
    }

    @Override
    public SQLException abort(String reason) {
        buffer.reset();
        return flow.fail(reason == null ? "aborted by the client" : reason);
    }

    @Override public boolean isActive() { return flow.isActive(); }

    @Override
    public void close() {
        if (flow.isActive()) abort("the COPY was closed before it was ended");
    }

    private void push() throws SQLException {
        flow.write(buffer.array(), 0, buffer.size());
        buffer.reset();
    }

    private void checkActive() throws SQLException {
        if (!flow.isActive()) throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "the COPY has ended; start a new one");
    }
}
