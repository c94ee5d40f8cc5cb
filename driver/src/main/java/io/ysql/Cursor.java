package io.ysql;

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
public interface Cursor extends AutoCloseable {

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

    private String composed(Sql query) throws SQLException {
        if (query == null) throw new io.ysql.errors.ProgrammingError("the query is null", "22023", null, null);
        try {
            return query.asString(connection());
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

    /** The connection this cursor runs on. */
    YsqlConnection connection();

    boolean isClosed();

    /** Releases the cursor's rows; further use raises an error. Closing twice is fine. */
    @Override
    void close();
}
