package io.ysql.internal.jdbc;

import io.ysql.CopyOut;
import io.ysql.internal.codec.CopyRowReader;
import io.ysql.internal.session.CopyOutFlow;
import java.sql.SQLException;

/** {@link CopyOut} over a copy flow: each data message read is decoded into a row on demand. */
final class SessionCopyOut implements CopyOut {
    private final CopyOutFlow flow;
    private final CopyRowReader rows;

    SessionCopyOut(CopyOutFlow flow, CopyRowReader rows) {
        this.flow = flow;
        this.rows = rows;
    }

    @Override
    public Object[] readRow() throws SQLException {
        byte[] chunk;
        while ((chunk = flow.read()) != null) {
            Object[] row = rows.read(chunk);
            if (row != null) return row;
        }
        return null;
    }

    @Override public byte[] readChunk() throws SQLException { return flow.read(); }

    @Override public long rowCount() { return flow.rowCount(); }

    @Override public boolean isActive() { return flow.isActive(); }

    @Override public void close() { flow.drain(); }
}
