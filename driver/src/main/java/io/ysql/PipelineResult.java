package io.ysql;

import java.sql.SQLException;
import java.util.List;

/**
 * The result of one statement queued in a {@link Pipeline}, a handle that completes at the
 * pipeline's next sync. Reading it before then syncs the pipeline first (as psycopg 3 does). Every
 * accessor throws the statement's error when it failed, or SQLSTATE 25P02 when the server skipped
 * it because an earlier statement since the last sync failed.
 */
public interface PipelineResult {

    /** True once the pipeline was synced past this statement: the accessors no longer wait. */
    boolean isDone();

    /** The rows, in order (empty for a statement that returns none). */
    List<Row> rows() throws SQLException;

    /** The first row, or null when there is none. */
    default Row first() throws SQLException {
        List<Row> rows = rows();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Rows returned or affected, or -1 when the statement has no count (e.g. DDL). */
    long rowcount() throws SQLException;

    /** The server's status tag, e.g. {@code INSERT 0 1}. */
    String statusmessage() throws SQLException;

    /** The columns of the result, or null when the statement returns no rows. */
    List<Column> description() throws SQLException;

    /** The statement's error, or null when it succeeded; syncs first when not done yet. */
    SQLException error() throws SQLException;
}
