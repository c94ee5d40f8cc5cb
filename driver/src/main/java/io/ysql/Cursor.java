package io.ysql;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.types.Codec;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A psycopg-style cursor: run statements with {@code %s} or {@code %(name)s} placeholders and
 * fetch their rows. Values are always sent to the server as parameters, apart from the SQL text,
 * never interpolated into it; write {@code %%} for a literal percent sign. Not meant to be
 * shared between threads (open one cursor per thread; the connection may be shared).
 *
 * <pre>{@code
 * try (Cursor cur = conn.cursor()) {
 *     cur.execute("SELECT name, age FROM employee WHERE id = %s", 1);
 *     Row row = cur.fetchone();
 * }
 * }</pre>
 */
public interface Cursor extends AutoCloseable, Iterable<Row> {

    /** Runs one statement with positional {@code %s} parameters. Returns this cursor. */
    Cursor execute(String sql, Object... params) throws SQLException;

    /** Runs one statement with named {@code %(name)s} parameters. Returns this cursor. */
    Cursor execute(String sql, Map<String, ?> params) throws SQLException;

    /**
     * Runs one statement once per parameter set, in one round trip. Each element is an
     * {@code Object[]}, a {@code List<?>} (positional) or a {@code Map<String, ?>} (named).
     * {@link #rowcount()} is then the total of rows affected.
     */
    Cursor executemany(String sql, Iterable<?> paramSets) throws SQLException;

    /** Runs a query composed with {@link Sql}, with its {@code %s} placeholders bound to {@code params}. */
    default Cursor execute(Sql query, Object... params) throws SQLException {
        return execute(composed(query), params);
    }

    /** Runs a query composed with {@link Sql}, with its {@code %(name)s} placeholders bound from {@code params}. */
    default Cursor execute(Sql query, Map<String, ?> params) throws SQLException {
        return execute(composed(query), params);
    }

    /** Runs a query composed with {@link Sql} once per parameter set, as {@link #executemany(String, Iterable)}. */
    default Cursor executemany(Sql query, Iterable<?> paramSets) throws SQLException {
        return executemany(composed(query), paramSets);
    }

    /**
     * The statement with its {@code %s} placeholders replaced by {@code params} written as SQL
     * literals, as the server would see them inlined (psycopg's {@code mogrify}). For display
     * and logging only: {@link #execute} always binds values instead.
     */
    default String mogrify(String sql, Object... params) throws SQLException {
        return Mogrify.positional(connection(), sql, params == null ? java.util.Arrays.asList((Object) null)
                : java.util.Arrays.asList(params));
    }

    /** The statement with its {@code %(name)s} placeholders replaced by literals of {@code params}. */
    default String mogrify(String sql, Map<String, ?> params) throws SQLException {
        return Mogrify.named(connection(), sql, params);
    }

    /**
     * psycopg2's {@code execute_values}: runs {@code sql}, which holds one {@code %s} where the
     * VALUES rows go ({@code INSERT INTO t (a, b) VALUES %s}), once per page of {@code pageSize}
     * argument sets, each set written as {@code template} ({@code (%s, %s, …)} when null; a template
     * with {@code %(name)s} placeholders takes Map sets), every value bound as a parameter. Returns
     * the rows of every page when the statement returns rows ({@code RETURNING}), else an empty list.
     */
    default List<Row> executeValues(String sql, Iterable<?> argSets, String template, int pageSize) throws SQLException {
        return ExecuteValues.run(this, sql, argSets, template, pageSize);
    }

    /** {@link #executeValues(String, Iterable, String, int)} with the default template and pages of 100 sets. */
    default List<Row> executeValues(String sql, Iterable<?> argSets) throws SQLException {
        return executeValues(sql, argSets, null, 100);
    }

    /**
     * Calls the function {@code procname} with {@code params} ({@code SELECT * FROM procname(%s,
     * …)}), as psycopg2's {@code callproc}; its result is fetched like any other. Returns the
     * parameters. The name may be schema-qualified and is checked to be a plain or quoted
     * identifier, so it cannot carry SQL.
     */
    default Object[] callproc(String procname, Object... params) throws SQLException {
        Object[] args = params == null ? new Object[0] : params;
        String name = ProcedureName.check(procname);
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(name).append('(');
        for (int i = 0; i < args.length; i++) sql.append(i == 0 ? "%s" : ", %s");
        execute(sql.append(')').toString(), args);
        return args;
    }

    /**
     * Moves the position in the result: by {@code value} rows when {@code mode} is {@code
     * "relative"}, to row {@code value} when {@code "absolute"}; a position outside the result is a
     * {@code ProgrammingError} and leaves the position unchanged.
     */
    void scroll(long value, String mode) throws SQLException;

    /** {@link #scroll(long, String)} relative to the current position. */
    default void scroll(long value) throws SQLException {
        scroll(value, "relative");
    }

    /** The text of the last statement as sent to the server ({@code $n} for each bound value), or null. */
    String query();

    /** Always null, as in psycopg2: PostgreSQL tables have no OIDs; use {@code RETURNING} instead. */
    default Object lastrowid() {
        return null;
    }

    /** How many rows a server-side cursor fetches at a time while iterating (psycopg's {@code itersize}). */
    int itersize();

    void itersize(int rows);

    /**
     * Moves to the next result of a multi-statement query. As in psycopg2, the cursor keeps the
     * last statement's result only, so this raises {@code NotSupportedError}.
     */
    default boolean nextset() throws SQLException {
        throw new io.ysql.errors.NotSupportedError("nextset: the cursor keeps only the last statement's result",
                "0A000", null, null);
    }

    /** Accepted and ignored, as DB-API allows: the driver sizes parameters itself. */
    default void setinputsizes(Object... sizes) {
    }

    /** Accepted and ignored, as DB-API allows. */
    default void setoutputsize(int size, int... columns) {
    }

    /**
     * The remaining rows, fetched one at a time with {@link #fetchone()}; a fetch error surfaces
     * as an {@code IllegalStateException} whose cause is the {@link SQLException}.
     */
    @Override
    default java.util.Iterator<Row> iterator() {
        return new CursorIterator<>(this::fetchone);
    }

    private String composed(Sql query) throws SQLException {
        if (query == null) throw new io.ysql.errors.ProgrammingError("the query is null", "22023", null, null);
        try {
            return query.asTemplate(connection());
        } catch (SQLException e) {
            throw io.ysql.errors.Errors.from(e);
        }
    }

    /**
     * psycopg2's {@code copy_from}: copies the text of {@code from} (COPY's text format, fields
     * separated by {@code sep}, {@code nullString} for NULL) into {@code table}, or into its
     * {@code columns} when some are named. The table ({@code name} or {@code schema.name}) and the
     * columns are quoted as identifiers. Returns the number of rows copied.
     */
    default long copyFrom(java.io.Reader from, String table, String sep, String nullString, String... columns)
            throws SQLException {
        return copyExpert(copyCommand(table, true, sep, nullString, columns), from);
    }

    /** {@link #copyFrom(java.io.Reader, String, String, String, String...)} of bytes (UTF-8 text). */
    default long copyFrom(java.io.InputStream from, String table, String sep, String nullString, String... columns)
            throws SQLException {
        return copyExpert(copyCommand(table, true, sep, nullString, columns), from);
    }

    /** {@code copy_from} with the text format's defaults: tab-separated, {@code \N} for NULL. */
    default long copyFrom(java.io.Reader from, String table) throws SQLException {
        return copyFrom(from, table, "\t", "\\N");
    }

    /**
     * psycopg2's {@code copy_to}: writes {@code table} (or its {@code columns}) to {@code to} in
     * COPY's text format with {@code sep} and {@code nullString}. Returns the number of rows.
     */
    default long copyTo(java.io.Writer to, String table, String sep, String nullString, String... columns)
            throws SQLException {
        return copyExpert(copyCommand(table, false, sep, nullString, columns), to);
    }

    /** {@link #copyTo(java.io.Writer, String, String, String, String...)} as UTF-8 bytes. */
    default long copyTo(java.io.OutputStream to, String table, String sep, String nullString, String... columns)
            throws SQLException {
        return copyExpert(copyCommand(table, false, sep, nullString, columns), to);
    }

    /** {@code copy_to} with the text format's defaults: tab-separated, {@code \N} for NULL. */
    default long copyTo(java.io.Writer to, String table) throws SQLException {
        return copyTo(to, table, "\t", "\\N");
    }

    /** psycopg2's {@code copy_expert}: runs {@code sql}, a {@code COPY ... FROM STDIN}, reading {@code from}. */
    default long copyExpert(String sql, java.io.Reader from) throws SQLException {
        return copying(c -> c.copy().copyIn(sql, from));
    }

    /** {@code copy_expert} of a {@code COPY ... FROM STDIN} reading bytes (any format). */
    default long copyExpert(String sql, java.io.InputStream from) throws SQLException {
        return copying(c -> c.copy().copyIn(sql, from));
    }

    /** {@code copy_expert} of a {@code COPY ... TO STDOUT} writing characters (text or CSV). */
    default long copyExpert(String sql, java.io.Writer to) throws SQLException {
        return copying(c -> c.copy().copyOut(sql, to));
    }

    /** {@code copy_expert} of a {@code COPY ... TO STDOUT} writing bytes (any format). */
    default long copyExpert(String sql, java.io.OutputStream to) throws SQLException {
        return copying(c -> c.copy().copyOut(sql, to));
    }

    /** The COPY statement of copyFrom / copyTo, with the table and columns quoted as identifiers. */
    private String copyCommand(String table, boolean in, String sep, String nullString, String... columns)
            throws SQLException {
        return copying(c -> CopyCommand.of(c, table, in, sep, nullString, columns));
    }

    /** Runs a COPY {@code step} on the connection; a failure is raised as a DB-API error. */
    private <T> T copying(SQLFunction<YsqlConnection, T> step) throws SQLException {
        try {
            return step.apply(connection());
        } catch (SQLException e) {
            throw io.ysql.errors.Errors.from(e);
        }
    }

    /** The next row, or {@code null} when there are no more. */
    Row fetchone() throws SQLException;

    /** Up to {@code size} next rows; fewer (or none) at the end. */
    List<Row> fetchmany(int size) throws SQLException;

    /** Up to {@link #arraysize()} next rows. */
    List<Row> fetchmany() throws SQLException;

    /** All remaining rows; an empty list when there are none. */
    List<Row> fetchall() throws SQLException;

    /** The columns of the last result, or {@code null} when the last statement returned no rows. */
    List<Column> description();

    /**
     * Rows returned or affected by the last statement (summed over {@link #executemany}), or -1
     * when unknown (before any statement, or for a statement without a row count such as DDL).
     */
    long rowcount();

    /** The index of the next row to fetch (0-based), or -1 before any result. */
    long rownumber();

    /** Default row count for {@link #fetchmany()}; 1 initially, as in DB-API. */
    int arraysize();

    void arraysize(int size);

    /** The server's status tag of the last statement, e.g. {@code INSERT 0 1}, or null. */
    String statusmessage();

    /**
     * Cancels the statement this cursor is running, from another thread: a CancelRequest on a
     * connection of its own, with the same TLS settings; the statement then raises
     * {@code QueryCanceledError}. Does nothing when the cursor runs nothing.
     */
    default void cancel() throws SQLException {
        connection().cancel();
    }

    /**
     * Registers a codec for a user-defined type on this cursor only (see {@link
     * YsqlConnection#registerCodec}): the values of that type this cursor reads decode with it, and
     * instances of its Java class this cursor sends encode with it, ahead of the connection's and
     * the driver's codecs. Other cursors and JDBC on the same connection are unaffected. The type
     * name is looked up when the codec is registered: 42704 when there is no such type, 0A000 for a
     * built-in type.
     */
    default void registerCodec(Codec<?> codec) throws SQLException {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, getClass().getName() + " does not take user codecs");
    }

    /** The connection this cursor runs on. */
    YsqlConnection connection();

    boolean isClosed();

    /** Releases the cursor's rows; further use raises an error. Closing twice is fine. */
    @Override
    void close();
}
