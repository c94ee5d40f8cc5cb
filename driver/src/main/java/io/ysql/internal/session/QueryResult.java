package io.ysql.internal.session;

import io.ysql.internal.wire.backend.RowDescription;

/**
 * The outcome of one statement: its columns and rows (both empty for a statement that returns
 * none), and the server's command tag. Rows stay as the server sent them, in a {@link ResultRows}
 * store; codecs decode them on demand.
 *
 * @param description the columns, or {@code null} when the statement returns no rows
 * @param rows the rows received, in order ({@link ResultRows#empty()} when none)
 * @param commandTag e.g. {@code "INSERT 0 1"}, or {@code null} for an empty query
 * @param rowCount the count in the tag (rows affected or returned), or -1 when it has none
 * @param suspended true when the row limit stopped the portal before its end
 */
public record QueryResult(RowDescription description, ResultRows rows, String commandTag, long rowCount,
                          boolean suspended) {

    /** True when the statement produces rows (a SELECT, or DML with RETURNING). */
    public boolean hasRows() { return description != null; }

    /** The first word of the tag ({@code INSERT}, {@code SELECT}, {@code CREATE} …), or "" for an empty query. */
    public String command() {
        if (commandTag == null) return "";
        int sp = commandTag.indexOf(' ');
        return sp < 0 ? commandTag : commandTag.substring(0, sp);
    }
}
