package io.ysql.internal.session;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;

/**
 * The outcome of a transaction end whose answer never came: the statement ({@code COMMIT},
 * {@code COMMIT PREPARED} …) was written and the connection failed, or the server ended the
 * session, before its ReadyForQuery arrived. The server may have committed or not, so the
 * failure is neither a plain success nor a plain error: it becomes SQLSTATE 08007
 * (transaction_resolution_unknown), with the connection failure as its cause.
 */
final class LostCommit {
    private LostCommit() {}

    /** Whether {@code q}, already sent, ended without an answer because the session broke. */
    static boolean isLost(Exchange q, Session session) {
        return q.failure() != null && q.ready() == null && session.isClosed();
    }

    static SQLException unknown(String sql, SQLException cause) {
        return SqlExceptions.of(SqlState.TRANSACTION_RESOLUTION_UNKNOWN, "the connection was lost after " + sql
                + " was sent and before the server answered, so the transaction may or may not have been committed; "
                + "check its effects on a new connection before running it again (" + cause.getMessage() + ")", cause);
    }
}
