package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.BindComplete;
import io.ysql.internal.wire.backend.CopyInResponse;
import io.ysql.internal.wire.backend.BufferedDataRow;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.ParseComplete;
import io.ysql.internal.wire.frontend.Bind;
import io.ysql.internal.wire.frontend.CopyFail;
import io.ysql.internal.wire.frontend.Execute;
import io.ysql.internal.wire.frontend.Parse;
import io.ysql.internal.wire.frontend.Sync;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The batch flow: one statement run once per parameter set in one round trip: Parse of the
 * unnamed statement, then Bind and Execute per parameter set, one Sync. A new Parse is sent when
 * a parameter set's types differ from the previous one's. Rows are not kept, only counts.
 */
final class ExtendedQuery extends Exchange {
    private final String sql;
    private final List<Bindings> executions;
    private final ResultCollector collector = new ResultCollector();
    private int failedExecution = -1;
    private static final short[] NO_FORMATS = new short[0];

    ExtendedQuery(String sql, List<Bindings> executions) {
        this.sql = sql;
        this.executions = executions;
    }

    @Override
    void write(MessageWriter out) {
        writePrefix(out);
        int[] parsedTypes = null;
        for (int i = 0; i < executions.size(); i++) {
            Bindings b = executions.get(i);
            if (parsedTypes == null || !Arrays.equals(parsedTypes, b.typeOids())) {
                out.add(new Parse("", sql, b.typeOids()));
                parsedTypes = b.typeOids();
            }
            out.add(new Bind("", "", b.formats(), b.values(), NO_FORMATS));
            out.add(new Execute("", 0));
        }
        out.add(Sync.INSTANCE);
        writeSuffix(out);
    }

    @Override boolean takesAutosave() { return true; }

    @Override
    void handle(BackendMessage m) throws SQLException {
        if (m instanceof ParseComplete || m instanceof BindComplete) return;
        if (m instanceof BufferedDataRow) return; // a batch keeps no rows; undescribed, they cannot be decoded
        if (collector.accept(m)) return;
        if (m instanceof ErrorResponse e) {
            if (failedExecution < 0) failedExecution = results().size();
            fail(SqlExceptions.fromServer(new ServerError(e.fields())));
        } else if (m instanceof CopyInResponse) {
            reply(new CopyFail("COPY FROM STDIN is not supported by this API call"));
        } else {
            throw Protocol.unexpected(m, "during an extended query");
        }
    }

    /** Results of the executions that completed, in order. */
    List<QueryResult> results() {
        return ownResults(collector.results());
    }

    /** Index of the execution that failed, or -1. */
    int failedExecution() { return failedExecution; }
}
