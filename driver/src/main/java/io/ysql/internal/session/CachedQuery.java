package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.wire.CopyData;
import io.ysql.internal.wire.CopyDone;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.BindComplete;
import io.ysql.internal.wire.backend.CloseComplete;
import io.ysql.internal.wire.backend.CopyInResponse;
import io.ysql.internal.wire.backend.CopyOutResponse;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.ParseComplete;
import io.ysql.internal.wire.frontend.Bind;
import io.ysql.internal.wire.frontend.Close;
import io.ysql.internal.wire.frontend.CopyFail;
import io.ysql.internal.wire.frontend.Describe;
import io.ysql.internal.wire.frontend.Execute;
import io.ysql.internal.wire.frontend.Parse;
import io.ysql.internal.wire.frontend.Sync;
import java.sql.SQLException;

/**
 * One execution of one statement through the {@link StatementCache}, in one round trip. The plan
 * is chosen while writing: the first runs Parse the unnamed statement and describe the portal;
 * the run that reaches the threshold Parses a named statement; later runs send only Bind and
 * Execute, the row description coming from the cache.
 */
final class CachedQuery extends Exchange {
    private final String sql;
    private final Bindings bindings;
    private final int maxRows;
    private final StatementCache cache;
    private final ResultCollector collector = new ResultCollector();
    private StatementCache.Plan plan;
    private boolean copyRefused;

    CachedQuery(String sql, Bindings bindings, int maxRows, StatementCache cache) {
        this.sql = sql;
        this.bindings = bindings;
        this.maxRows = maxRows;
        this.cache = cache;
    }

    @Override
    void write(MessageWriter out) {
        for (String name : cache.drainCloses()) out.add(Close.statement(name));
        writePrefix(out);
        plan = cache.plan(sql, bindings.typeOids());
        if (plan.kind() != StatementCache.Kind.NAMED) out.add(new Parse(plan.name(), sql, bindings.typeOids()));
        out.add(new Bind("", plan.name(), bindings.formats(), bindings.values(), plan.formats()));
        if (plan.kind() == StatementCache.Kind.UNNAMED) {
            out.add(Describe.portal(""));
        } else if (prefixResults() == 0) {
            collector.expect(plan.description()); // after a prefix, set once its results are in (see handle)
        }
        out.add(new Execute("", maxRows));
        out.add(Sync.INSTANCE);
        writeSuffix(out);
    }

    @Override boolean takesAutosave() { return true; }

    @Override
    void handle(BackendMessage m) throws SQLException {
        if (m instanceof ParseComplete || m instanceof BindComplete || m instanceof CloseComplete) return;
        boolean awaitingPrefix = collector.results().size() < prefixResults();
        if (collector.accept(m)) {
            if (awaitingPrefix && collector.results().size() == prefixResults()
                    && plan.kind() != StatementCache.Kind.UNNAMED) {
                collector.expect(plan.description()); // the prefix is done: the cached statement's rows come next
            }
            return;
        }
        if (m instanceof ErrorResponse e) {
            fail(SqlExceptions.fromServer(new ServerError(e.fields())));
        } else if (m instanceof CopyInResponse) {
            // the Sync already sent was ignored in copy mode; after CopyFail the server waits for another
            refuseCopy("FROM STDIN");
            reply(w -> {
                new CopyFail(SimpleQuery.COPY_API).encode(w);
                Sync.INSTANCE.encode(w);
            });
        } else if (m instanceof CopyOutResponse) {
            refuseCopy("TO STDOUT");
        } else if (m instanceof CopyData || m instanceof CopyDone) {
            if (!copyRefused) throw Protocol.unexpected(m, "COPY data outside COPY");
        } else {
            throw Protocol.unexpected(m, "during an extended query");
        }
    }

    private void refuseCopy(String direction) {
        copyRefused = true;
        fail(SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY ... " + direction + " " + SimpleQuery.COPY_API));
    }

    /** The result of the execution (after a successful run). */
    QueryResult result() {
        var all = ownResults(collector.results());
        return all.get(all.size() - 1);
    }

    /** Tells the cache this run completed. */
    void recordRun() {
        cache.ran(plan, result().description(), plan.kind() == StatementCache.Kind.UNNAMED);
    }

    /** True when the plan used a named statement (a failure may mean it is stale). */
    boolean usedCache() { return plan != null && (plan.kind() != StatementCache.Kind.UNNAMED || plan.formats().length > 0); }
}
