package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.wire.CopyData;
import io.ysql.internal.wire.CopyDone;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.backend.BindComplete;
import io.ysql.internal.wire.backend.CloseComplete;
import io.ysql.internal.wire.backend.CopyInResponse;
import io.ysql.internal.wire.backend.CopyOutResponse;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.ParameterDescription;
import io.ysql.internal.wire.backend.ParseComplete;
import io.ysql.internal.wire.frontend.Close;
import io.ysql.internal.wire.frontend.CopyFail;
import io.ysql.internal.wire.frontend.Describe;
import io.ysql.internal.wire.frontend.Execute;
import io.ysql.internal.wire.frontend.Parse;
import io.ysql.internal.wire.frontend.Sync;
import java.sql.SQLException;
import java.util.List;

/**
 * One execution of one statement through the {@link StatementCache}, in one round trip. The plan
 * is chosen while writing: the first runs Parse the unnamed statement and describe the portal;
 * the run that reaches the threshold Parses a named statement and describes it; later runs send
 * only Bind and Execute, the row description coming from the cache. The Bind is encoded straight
 * from the run's bindings and plan, without a message record per run.
 */
final class CachedQuery extends Exchange {
    private final StatementText text;
    private Bindings bindings;
    private int maxRows;
    private final StatementCache cache;
    private final ResultCollector collector = new ResultCollector();
    private StatementCache.Plan plan;
    private boolean copyRefused;
    private final FrontendMessage bind = new Bind();

    CachedQuery(StatementText text, Bindings bindings, int maxRows, StatementCache cache) {
        this.text = text;
        this.bindings = bindings;
        this.maxRows = maxRows;
        this.cache = cache;
    }

    @Override
    void write(MessageWriter out) {
        List<String> closes = cache.drainCloses();
        for (int i = 0; i < closes.size(); i++) out.add(Close.statement(closes.get(i)));
        writePrefix(out);
        plan = cache.plan(text.key(bindings.typeOids()), text.prepareThreshold());
        StatementCache.Kind kind = plan.kind();
        if (kind != StatementCache.Kind.NAMED) out.add(new Parse(plan.name(), text.sql(), bindings.typeOids()));
        if (kind == StatementCache.Kind.PREPARE) out.add(Describe.statement(plan.name()));
        out.add(bind);
        if (kind == StatementCache.Kind.UNNAMED) {
            out.add(Describe.portal(""));
        } else if (kind == StatementCache.Kind.NAMED && prefixResults() == 0) {
            collector.expect(plan.description()); // after a prefix, set once its results are in (see handle)
        }
        out.add(maxRows == 0 ? Execute.UNNAMED_ALL : new Execute("", maxRows));
        out.add(Sync.INSTANCE);
        writeSuffix(out);
    }

    @Override boolean takesAutosave() { return true; }

    @Override
    void handle(BackendMessage m) throws SQLException {
        if (m instanceof ParseComplete || m instanceof BindComplete || m instanceof CloseComplete
                || m instanceof ParameterDescription) return;
        boolean awaitingPrefix = collector.count() < prefixResults();
        if (collector.accept(m)) {
            if (awaitingPrefix && collector.count() == prefixResults() && plan.kind() == StatementCache.Kind.NAMED) {
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

    /** Makes this completed run ready to run again with {@code bindings} (see {@link StatementText#take}). */
    CachedQuery again(Bindings bindings, int maxRows) {
        reset();
        collector.reset();
        this.bindings = bindings;
        this.maxRows = maxRows;
        this.plan = null;
        this.copyRefused = false;
        return this;
    }

    /**
     * The Bind of the run being written: its bindings to the plan's statement, into the unnamed
     * portal. Named as the message, which the wire trace shows by its class name.
     */
    private final class Bind implements FrontendMessage {
        @Override
        public void encode(ByteWriter w) {
            io.ysql.internal.wire.frontend.Bind.encode(w, "", plan.name(), bindings.formats(), bindings.values(), plan.formats());
        }
    }

    /** Whether this run may be sent again by the session that made it. */
    boolean belongsTo(StatementCache c) { return cache == c; }

    /** The result of the execution (after a successful run). */
    QueryResult result() {
        if (!trimsResults()) return collector.last();
        List<QueryResult> own = ownResults(collector.results());
        return own.get(own.size() - 1);
    }

    /** Tells the cache how this run ended. */
    void recordRun() {
        if (failure() != null) {
            cache.failed(plan);
        } else {
            QueryResult r = result();
            cache.ran(plan, r.description(), plan.kind() != StatementCache.Kind.NAMED && "SELECT".equals(r.command()));
        }
    }

    /** The plan's cache key (after writing). */
    StatementCache.Key key() { return plan.key(); }

    /** True when the plan used a named statement (a failure may mean it is stale). */
    boolean usedCache() { return plan != null && (plan.kind() != StatementCache.Kind.UNNAMED || usedFormats()); }

    /** True when an unnamed run asked for the formats of an earlier run (its columns may have changed since). */
    boolean usedFormats() { return plan != null && plan.kind() == StatementCache.Kind.UNNAMED && plan.formats().length > 0; }
}
