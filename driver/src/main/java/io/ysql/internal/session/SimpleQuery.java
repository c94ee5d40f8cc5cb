package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.CopyData;
import io.ysql.internal.wire.CopyDone;
import io.ysql.internal.wire.backend.CopyInResponse;
import io.ysql.internal.wire.backend.CopyOutResponse;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.frontend.CopyFail;
import io.ysql.internal.wire.frontend.Query;
import java.sql.SQLException;
import java.util.List;

/**
 * The simple query flow: one Query message that may hold several statements, answered by one
 * result per statement and a single ReadyForQuery. The server stops at the first error.
 */
final class SimpleQuery extends Exchange {
    /** Where to send the user who runs a COPY to or from the client through a plain statement. */
    static final String COPY_API = "needs the COPY API: YsqlConnection.copy() (from JDBC, "
            + "connection.unwrap(YsqlConnection.class).copy()) or the cursor's copyFrom/copyTo/copyExpert";
    private final String sql;
    private final ResultCollector collector = new ResultCollector();
    private boolean copyRefused;
    private int failedStatement = -1;

    SimpleQuery(String sql) { this.sql = sql; }

    @Override
    void write(MessageWriter out) {
        writePrefix(out);
        out.add(new Query(sql));
        writeSuffix(out);
    }

    /** Transaction control is never wrapped in an automatic savepoint: it would release or undo it. */
    @Override
    boolean takesAutosave() { return !AutoSave.isTransactionControl(sql); }

    @Override
    void handle(BackendMessage m) throws SQLException {
        if (collector.accept(m)) return;
        if (m instanceof ErrorResponse e) {
            if (failedStatement < 0) failedStatement = completed().size();
            fail(SqlExceptions.fromServer(new ServerError(e.fields())));
        } else if (m instanceof CopyInResponse) {
            copyRefused = true;
            reply(new CopyFail(COPY_API));
        } else if (m instanceof CopyOutResponse) {
            copyRefused = true;
        } else if (m instanceof CopyData || m instanceof CopyDone) {
            if (!copyRefused) throw Protocol.unexpected(m, "COPY data outside COPY");
        } else {
            throw Protocol.unexpected(m, "during a simple query");
        }
    }

    /** The results, or the first error. */
    List<QueryResult> results() throws SQLException {
        throwIfFailed();
        if (copyRefused) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY ... FROM STDIN / TO STDOUT " + COPY_API);
        }
        return completed();
    }

    /** The statements that completed, and the failing one's index and error, if one failed. */
    BatchOutcome outcome() throws SQLException {
        SQLException f = failure();
        if (f != null && failedStatement < 0) throw f; // the connection failed, not a statement
        if (f == null) results();
        return new BatchOutcome(completed(), failedStatement, f);
    }

    private List<QueryResult> completed() {
        return ownResults(collector.results());
    }
}
