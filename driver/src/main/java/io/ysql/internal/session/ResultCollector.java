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
    private final List<QueryResult> results = new ArrayList<>(1);
    private RowDescription description;
    private ResultRows rows;

    /** Returns true when {@code m} was one of the messages this collector owns. */
    boolean accept(BackendMessage m) throws SQLException {
        if (m instanceof BufferedDataRow row) {
            if (description == null) throw Protocol.unexpected(m, "a DataRow without a RowDescription");
            if (row.columnCount() != rows.columnCount()) {
                throw Protocol.violation("a DataRow has " + row.columnCount() + " columns, the RowDescription "
                        + rows.columnCount());
            }
            rows.add(row.body(), row.bodyOffset(), row.bodyLength()); // copied now: the body is reused
        } else if (m instanceof RowDescription d) {
            description = d;
            rows = new ResultRows(d.fields().length);
        } else if (m instanceof CommandComplete c) {
            end(c.tag(), c.rowCount(), false);
        } else if (m instanceof EmptyQueryResponse) {
            end(null, -1, false);
        } else if (m instanceof PortalSuspended) {
            end(null, -1, true);
        } else if (m instanceof NoData) {
            description = null;
        } else {
            return false;
        }
        return true;
    }

    private void end(String tag, long count, boolean suspended) {
        ResultRows r = rows == null ? ResultRows.empty() : rows;
        results.add(new QueryResult(description, r, tag, count, suspended));
        description = null;
        rows = null;
    }

    /**
     * Sets the description of the statement about to run, when it is known without a Describe
     * (a cached statement); null for one that returns no rows.
     */
    void expect(RowDescription d) {
        description = d;
        rows = d == null ? null : new ResultRows(d.fields().length);
    }

    /** Results completed so far. */
    List<QueryResult> results() { return results; }
}
