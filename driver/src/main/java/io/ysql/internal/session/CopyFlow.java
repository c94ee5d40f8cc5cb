package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * A COPY in progress on a session: {@link CopyInFlow} for {@code COPY ... FROM STDIN},
 * {@link CopyOutFlow} for {@code COPY ... TO STDOUT}. From the COPY query until the copy ends
 * (CopyDone or CopyFail sent and the server's ReadyForQuery read) the flow holds the session's
 * write permit, since the server would take any other request as copy data: other threads wait
 * for the permit, and the thread that started the copy gets 55000 if it tries to run anything
 * else meanwhile. Every way out of a flow (end, failure, a broken connection) gives the permit back.
 */
public sealed interface CopyFlow permits CopyInFlow, CopyOutFlow {

    /** True when the copy data is in PostgreSQL's binary COPY format (else text or CSV). */
    boolean binary();

    /** The number of columns the server announced. */
    int columnCount();

    /** True until the copy has ended, one way or another. */
    boolean isActive();

    /**
     * Sends the COPY query and waits for the server to start the copy. A statement that fails
     * raises the server's error; one that is no COPY to or from the client raises 42809.
     */
    static CopyFlow start(Session session, CopyExchange e, Consumer<ServerError> notices) throws SQLException {
        session.beginCopy(e);
        try {
            session.copyAwait(e, e::started);
        } catch (SQLException | RuntimeException x) {
            session.endCopy();
            throw x;
        }
        if (e.copyIn() != null) return new CopyInFlow(session, e, notices);
        if (e.copyOut() != null) return new CopyOutFlow(session, e, notices);
        session.endCopy();
        if (notices != null) e.notices().forEach(notices);
        e.throwIfFailed();
        throw SqlExceptions.of(SqlState.WRONG_OBJECT_TYPE,
                "the statement is not a COPY ... FROM STDIN or COPY ... TO STDOUT; run it with execute() instead");
    }
}
