package io.ysql;

import java.sql.SQLException;

/**
 * A {@code COPY ... FROM STDIN} in progress, written row by row (like psycopg 3's
 * {@code copy.write_row}) or as raw bytes of the copy's format. Values are encoded by the
 * connection's codecs: in the text and CSV formats as the server spells them, in the binary
 * format as their column's binary value (see {@link Copy#withTypes}). Rows are sent in chunks of
 * 64 KiB as they fill. {@link #end()} completes the copy and returns its row count;
 * {@link #close()} without {@code end()} aborts it (CopyFail), so with try-with-resources an
 * exception thrown while writing rolls the copy back. Not thread-safe.
 */
public interface CopyIn extends AutoCloseable {

    /** Writes one row; {@code null} values are SQL NULL. */
    void writeRow(Object... values) throws SQLException;

    /** Writes raw copy data: bytes in the format the COPY statement names. */
    void write(byte[] data, int offset, int length) throws SQLException;

    /** Writes raw copy data. */
    default void write(byte[] data) throws SQLException {
        write(data, 0, data.length);
    }

    /** Ends the copy: sends the data still buffered, waits for the server, returns the row count. */
    long end() throws SQLException;

    /**
     * Aborts the copy: the server rolls it back. Returns the server's answer (SQLSTATE 57014,
     * quoting {@code reason}), or null when the copy had already ended.
     */
    SQLException abort(String reason);

    /** True until the copy has ended or been aborted. */
    boolean isActive();

    /** Aborts the copy unless {@link #end()} completed it. */
    @Override
    void close();
}
