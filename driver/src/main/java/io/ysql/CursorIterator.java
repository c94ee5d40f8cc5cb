package io.ysql;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Iterates over the remaining rows of a {@link Cursor}, fetching one row ahead at most. */
final class CursorIterator implements Iterator<Row> {
    private final Cursor cursor;
    private Row next;
    private boolean done;

    CursorIterator(Cursor cursor) {
        this.cursor = cursor;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = cursor.fetchone();
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) throw new NoSuchElementException("no more rows");
        Row r = next;
        next = null;
        return r;
    }
}
