package io.ysql;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A {@code COPY ... TO STDOUT} in progress, read one row at a time: as decoded values
 * ({@link #readRow()}, or iterating) or as the server's raw data messages ({@link #readChunk()},
 * one row each in text and CSV). Values are decoded as the column types given to
 * {@link Copy#withTypes}; without them a text or CSV field is a {@code String} and a binary one a
 * {@code byte[]}. Rows are read from the socket only when asked for. {@link #close()} before the
 * end reads and drops the rest, which keeps the connection usable. Not thread-safe.
 */
public interface CopyOut extends AutoCloseable, Iterable<Object[]> {

    /** The next row, {@code null} for SQL NULLs, or {@code null} after the last row. */
    Object[] readRow() throws SQLException;

    /** The next raw data message of the copy, or {@code null} at its end. */
    byte[] readChunk() throws SQLException;

    /** The row count of the {@code COPY n} tag once the copy has ended, else -1. */
    long rowCount();

    /** True until every row has been read or the copy was closed. */
    boolean isActive();

    /** Reads and drops the rest of the copy, if any. */
    @Override
    void close();

    /**
     * The remaining rows; a read error surfaces as an {@code IllegalStateException} whose cause
     * is the {@link SQLException}.
     */
    @Override
    default Iterator<Object[]> iterator() {
        return new Iterator<>() {
            private Object[] next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = readRow();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }
                return next != null;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) throw new NoSuchElementException("the COPY has no more rows");
                Object[] r = next;
                next = null;
                return r;
            }
        };
    }
}
