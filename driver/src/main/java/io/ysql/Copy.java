package io.ysql;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.sql.SQLException;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} and {@code COPY ... TO STDOUT} on one connection, in
 * the text, CSV and binary formats. Obtained from {@link YsqlConnection#copy()}; from JDBC code
 * through {@code connection.unwrap(YsqlConnection.class).copy()}. The stream methods take the
 * shapes of pgjdbc's {@code CopyManager} and return the row count of the {@code COPY n} tag; the
 * row methods open a {@link CopyIn} or {@link CopyOut} that writes or reads typed rows.
 *
 * <p>Data streams in chunks of 64 KiB: nothing is held in memory whatever the size of the copy.
 * While a copy runs, the connection is the copy's: other threads wait for it, and the thread that
 * opened a {@link CopyIn} or {@link CopyOut} gets SQLSTATE 55000 if it runs another statement
 * before closing it. A copy that fails (a bad row, a constraint, an exception of the caller's
 * reader) is ended cleanly and the connection stays usable; inside a transaction, the transaction
 * is then failed, as after any error.
 *
 * <pre>{@code
 * long n = conn.copy().copyIn("COPY items FROM STDIN (FORMAT csv)", reader);
 * try (CopyIn in = conn.copy().copyIn("COPY items (id, name) FROM STDIN")) {
 *     in.writeRow(1, "one");
 *     in.writeRow(2, "two");
 *     in.end();
 * }
 * }</pre>
 */
public interface Copy {

    /** Copies the characters of {@code from} (sent as UTF-8) into {@code COPY ... FROM STDIN}; returns the row count. */
    long copyIn(String sql, Reader from) throws SQLException;

    /** Copies the bytes of {@code from} into {@code COPY ... FROM STDIN}; returns the row count. */
    long copyIn(String sql, InputStream from) throws SQLException;

    /** Copies the output of {@code COPY ... TO STDOUT} to {@code to} (decoded from UTF-8); returns the row count. */
    long copyOut(String sql, Writer to) throws SQLException;

    /** Copies the output of {@code COPY ... TO STDOUT} to {@code to}; returns the row count. */
    long copyOut(String sql, OutputStream to) throws SQLException;

    /**
     * Starts {@code COPY ... FROM STDIN} for rows written with {@link CopyIn#writeRow}. Close it
     * after {@link CopyIn#end()}; closing it without ending it aborts the copy.
     */
    CopyIn copyIn(String sql) throws SQLException;

    /** Starts {@code COPY ... TO STDOUT} for rows read with {@link CopyOut#readRow()}. */
    CopyOut copyOut(String sql) throws SQLException;

    /**
     * This copy API with the column types of the copies it starts, as names the server knows
     * ({@code int4}, {@code text}, {@code timestamptz}, {@code my_enum} …; looked up now): rows
     * read are then decoded as those types rather than returned as text, and binary rows written
     * are converted to them. A binary {@link CopyIn} needs them unless every value already has
     * its column's Java type ({@code Long} for {@code bigint} …).
     */
    Copy withTypes(String... typeNames) throws SQLException;
}
