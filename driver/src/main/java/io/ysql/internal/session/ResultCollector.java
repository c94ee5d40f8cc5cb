package io.ysql.internal.session;

import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.CommandComplete;
import io.ysql.internal.wire.backend.BufferedDataRow;
import io.ysql.internal.wire.backend.EmptyQueryResponse;
import io.ysql.internal.wire.backend.NoData;
import io.ysql.internal.wire.backend.PortalSuspended;
import io.ysql.internal.wire.backend.RowDescription;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the row-carrying messages of a query conversation into {@link QueryResult}s: a
 * RowDescription (or NoData), DataRows, and one of CommandComplete, EmptyQueryResponse or
 * PortalSuspended per statement or execution. Each DataRow's body is appended to the result's
 * {@link ResultRows} as it arrives: no object is made per row.
 */
final class ResultCollector {
    private QueryResult first; // most exchanges have one result: no list is made for it
    private List<QueryResult> more;
    private RowDescription description;
    private int columns;
    private ResultRows rows; // made at the first DataRow: a result without rows shares an empty store

    /** Returns true when {@code m} was one of the messages this collector owns. */
    boolean accept(BackendMessage m) throws SQLException {
        if (m instanceof BufferedDataRow row) {
            if (description == null) throw Protocol.unexpected(m, "a DataRow without a RowDescription");
            if (row.columnCount() != columns) {
                throw Protocol.violation("a DataRow has " + row.columnCount() + " columns, the RowDescription "
                        + columns);
            }
            if (rows == null) rows = new ResultRows(columns);
            rows.add(row.body(), row.bodyOffset(), row.bodyLength()); // copied now: the body is reused
        } else if (m instanceof RowDescription d) {
            describe(d);
        } else if (m instanceof CommandComplete c) {
            end(c.tag(), c.rowCount(), false);
        } else if (m instanceof EmptyQueryResponse) {
            end(null, -1, false);
        } else if (m instanceof PortalSuspended) {
            end(null, -1, true);
        } else if (m instanceof NoData) {
            describe(null);
        } else {
            return false;
        }
        return true;
    }

    private void end(String tag, long count, boolean suspended) {
        ResultRows r = rows == null ? ResultRows.empty() : rows;
        QueryResult q = new QueryResult(description, r, tag, count, suspended);
        if (first == null) {
            first = q;
        } else {
            if (more == null) {
                more = new ArrayList<>();
                more.add(first);
            }
            more.add(q);
        }
        description = null;
        rows = null;
    }

    private void describe(RowDescription d) {
        description = d;
        columns = d == null ? 0 : d.fieldCount();
        rows = null;
    }

    /**
     * Sets the description of the statement about to run, when it is known without a Describe
     * (a cached statement); null for one that returns no rows.
     */
    void expect(RowDescription d) {
        describe(d);
    }

    /** Forgets everything, for a new conversation. */
    void reset() {
        first = null;
        more = null;
        description = null;
        columns = 0;
        rows = null;
    }

    /** Results completed so far. */
    List<QueryResult> results() {
        return more != null ? more : first != null ? List.of(first) : List.of();
    }

    /** How many results completed so far. */
    int count() { return more != null ? more.size() : first != null ? 1 : 0; }

    /** The last result completed, or null. */
    QueryResult last() { return more != null ? more.get(more.size() - 1) : first; }
}
