package io.ysql;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Iterates over the remaining rows of a cursor by fetching one row ahead at most; {@code fetch}
 * returns null when there are no more. A fetch error surfaces as an {@code IllegalStateException}
 * whose cause is the {@link SQLException}.
 *
 * @param <T> what a row is
 */
final class CursorIterator<T> implements Iterator<T> {
    /** One fetch of the next row, or null at the end. */
    @FunctionalInterface
    interface Fetch<T> {
        T next() throws SQLException;
    }

    private final Fetch<T> fetch;
    private T next;
    private boolean done;

    CursorIterator(Fetch<T> fetch) {
        this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = fetch.next();
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) throw new NoSuchElementException("no more rows");
        T t = next;
        next = null;
        return t;
    }
}
