package io.ysql;

import java.sql.SQLException;
import java.util.List;

/**
 * One row fetched by a {@link Cursor}. Column indexes are 0-based, as in Python's tuples; names
 * are matched case-insensitively. Values are decoded from the server's bytes when asked for, to
 * the Java types JDBC's {@code getObject} returns, except that dates and times come as {@code
 * java.time} values ({@code LocalDate}, {@code LocalTime}, {@code OffsetTime}, {@code
 * LocalDateTime}, {@code OffsetDateTime}), as psycopg returns {@code datetime} objects.
 */
public interface Row {

    /** Number of columns. */
    int size();

    /** The value of column {@code index} (0-based); null for SQL NULL. */
    Object get(int index) throws SQLException;

    /** The value of the column named {@code name}. */
    Object get(String name) throws SQLException;

    /** The value of column {@code index} converted to {@code type} (as JDBC's {@code getObject(int, Class)}). */
    <T> T get(int index, Class<T> type) throws SQLException;

    /** The value of the column named {@code name} converted to {@code type}. */
    <T> T get(String name, Class<T> type) throws SQLException;

    /** The value of column {@code index} as text, as the server would print it; null for SQL NULL. */
    String getString(int index) throws SQLException;

    /** All values, in column order. */
    List<Object> values() throws SQLException;

    /** The columns of this row. */
    List<Column> columns();
}
