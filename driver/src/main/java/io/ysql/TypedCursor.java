package io.ysql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A cursor whose fetches return rows made by a {@link RowFactory}, as a psycopg cursor created
 * with a {@code row_factory}: {@code conn.cursor(RowFactory.dict())} fetches maps, {@code
 * conn.cursor(RowFactory.classRow(Person.class))} fetches {@code Person}s. Iterable: a for-each
 * loop fetches the remaining rows one by one. Not thread-safe, as a cursor belongs to its caller.
 *
 * @param <T> what each row becomes
 */
public final class TypedCursor<T> implements Iterable<T>, AutoCloseable {
    private final Cursor cursor;
    private final RowFactory<T> factory;

    TypedCursor(Cursor cursor, RowFactory<T> factory) {
        this.cursor = cursor;
        this.factory = factory;
    }

    /** The untyped cursor underneath, for its attributes ({@code description}, {@code rowcount} …). */
    public Cursor cursor() { return cursor; }

    public TypedCursor<T> execute(String sql, Object... params) throws SQLException {
        cursor.execute(sql, params);
        return this;
    }

    public TypedCursor<T> execute(String sql, Map<String, ?> params) throws SQLException {
        cursor.execute(sql, params);
        return this;
    }

    public TypedCursor<T> execute(Sql query, Object... params) throws SQLException {
        cursor.execute(query, params);
        return this;
    }

    public TypedCursor<T> executemany(String sql, Iterable<?> paramSets) throws SQLException {
        cursor.executemany(sql, paramSets);
        return this;
    }

    /** The next row made by the factory, or null when there are no more. */
    public T fetchone() throws SQLException {
        Row r = cursor.fetchone();
        return r == null ? null : make(r);
    }

    /** Up to {@code size} more rows. */
    public List<T> fetchmany(int size) throws SQLException {
        return make(cursor.fetchmany(size));
    }

    /** Up to {@code arraysize} more rows. */
    public List<T> fetchmany() throws SQLException {
        return make(cursor.fetchmany());
    }

    /** Every remaining row; an empty list when there are none. */
    public List<T> fetchall() throws SQLException {
        return make(cursor.fetchall());
    }

    public List<Column> description() { return cursor.description(); }

    public long rowcount() { return cursor.rowcount(); }

    /** Cancels the statement this cursor runs, from another thread; see {@link Cursor#cancel()}. */
    public void cancel() throws SQLException { cursor.cancel(); }

    @Override
    public void close() { cursor.close(); }

    /** The remaining rows, fetched one at a time; a fetch error surfaces as an {@code IllegalStateException} whose cause is the {@link SQLException}. */
    @Override
    public Iterator<T> iterator() {
        return new CursorIterator<>(this::fetchone);
    }

    private List<T> make(List<Row> rows) throws SQLException {
        List<T> out = new ArrayList<>(rows.size());
        for (Row r : rows) out.add(make(r));
        return out;
    }

    private T make(Row row) throws SQLException {
        try {
            return factory.make(row);
        } catch (SQLException e) {
            throw io.ysql.errors.Errors.from(e);
        }
    }
}
