package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.BindComplete;
import io.ysql.internal.wire.backend.CloseComplete;
import io.ysql.internal.wire.backend.CopyInResponse;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.ParseComplete;
import io.ysql.internal.wire.frontend.Bind;
import io.ysql.internal.wire.frontend.Close;
import io.ysql.internal.wire.frontend.CopyFail;
import io.ysql.internal.wire.frontend.Describe;
import io.ysql.internal.wire.frontend.Execute;
import io.ysql.internal.wire.frontend.Parse;
import io.ysql.internal.wire.frontend.Query;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a pipeline between two Syncs, as one exchange of the session: each statement
 * is sent as Parse (unless its statement is prepared already), Bind, Describe (unnamed statements
 * only) and Execute, planned by the {@link StatementCache} as a single execution would be, and
 * the one Sync ends them. Responses are matched to the statements in order; after an
 * ErrorResponse the server skips everything up to the Sync, so the statements after the failed
 * one get a "not executed" error of their own. Statements are added while the segment is open
 * (the flow holds the session's write permit); responses are read only once its Sync is written.
 */
final class PipelineSegment extends Exchange {
    private final StatementCache cache;
    private final List<PipelineStep> steps = new ArrayList<>();
    private final ResultCollector collector = new ResultCollector();
    private boolean started;
    private volatile boolean sealed;
    private int failedStep = -1;

    PipelineSegment(StatementCache cache) { this.cache = cache; }

    /** Writes what goes before the statements: closes of evicted statements, and BEGIN when asked. */
    @Override
    void write(MessageWriter out) {
        throw new UnsupportedOperationException("a pipeline segment is written by its flow");
    }

    /** Encodes the preamble into {@code out}. Called once, under the write permit. */
    void writePreamble(ByteWriter out) {
        for (String name : cache.drainCloses()) Close.statement(name).encode(out);
        if (beginsTransaction()) new Query(beginText()).encode(out);
    }

    /**
     * Plans {@code sql} with the statement cache and encodes its messages into {@code out}.
     *
     * @throws IllegalArgumentException when a message is too large to send; nothing is queued then
     */
    PipelineStep add(String sql, Bindings bindings, ByteWriter out) {
        StatementCache.Plan plan = cache.plan(new StatementCache.Key(sql, bindings.typeOids().clone()), -1);
        try {
            if (plan.kind() != StatementCache.Kind.NAMED) new Parse(plan.name(), sql, bindings.typeOids()).encode(out);
            new Bind("", plan.name(), bindings.formats(), bindings.values(), plan.formats()).encode(out);
            if (plan.kind() != StatementCache.Kind.NAMED) Describe.portal("").encode(out); // a statement being prepared too
            new Execute("", 0).encode(out);
        } catch (RuntimeException e) {
            cache.failed(plan);
            throw e;
        }
        PipelineStep step = new PipelineStep(sql, bindings, plan);
        steps.add(step);
        return step;
    }

    int size() { return steps.size(); }

    /** Ends the adding of statements: the Sync follows, and readers may now read the answers. */
    void seal() { sealed = true; }

    @Override
    boolean sealed() { return sealed; }

    @Override
    void handle(BackendMessage m) throws SQLException {
        if (!started) {
            started = true;
            if (!beginsTransaction()) expectStep(0);
        }
        if (m instanceof ParseComplete || m instanceof BindComplete || m instanceof CloseComplete) return;
        int before = collector.results().size();
        if (collector.accept(m)) {
            int after = collector.results().size();
            if (after != before) expectStep(after - offset());
            return;
        }
        if (m instanceof ErrorResponse e) {
            if (failedStep < 0) failedStep = collector.results().size() - offset();
            fail(SqlExceptions.fromServer(new ServerError(e.fields())));
        } else if (m instanceof CopyInResponse) {
            reply(new CopyFail("COPY FROM STDIN is not supported in a pipeline"));
        } else {
            throw Protocol.unexpected(m, "during a pipeline");
        }
    }

    private int offset() { return beginsTransaction() ? 1 : 0; }

    /** A statement sent without Describe gets its columns from the cache before its rows arrive. */
    private void expectStep(int index) {
        if (index < 0 || index >= steps.size()) return;
        StatementCache.Plan plan = steps.get(index).plan;
        if (plan.kind() == StatementCache.Kind.NAMED) collector.expect(plan.description());
    }

    /**
     * Gives every statement its outcome once the segment is done, and tells the statement cache
     * what ran. Returns the first error of the segment, or null.
     */
    SQLException resolve() {
        List<QueryResult> results = collector.results();
        int offset = offset();
        int completed = Math.max(0, results.size() - offset);
        SQLException first = failure();
        if (ready() == null) {
            // the connection failed before the Sync was answered: nothing is known to have been committed
            for (PipelineStep s : steps) s.fail(first, false);
            return first;
        }
        SQLException skipped = null;
        for (int i = 0; i < steps.size(); i++) {
            PipelineStep s = steps.get(i);
            if (i < completed && (failedStep < 0 || i < failedStep)) {
                QueryResult r = results.get(offset + i);
                s.succeed(r);
                cache.ran(s.plan, r.description(), "SELECT".equals(r.command()));
            } else if (i == failedStep) {
                s.fail(first, true);
                forgetIfStale(s, first);
            } else {
                if (skipped == null) skipped = notExecuted(first, failedStep);
                if (failedStep >= 0) s.skip(skipped);
                else s.fail(skipped, false);
                cache.failed(s.plan);
            }
        }
        return first;
    }

    private void forgetIfStale(PipelineStep s, SQLException f) {
        if (s.plan.kind() == StatementCache.Kind.PREPARE) {
            cache.failed(s.plan);
        } else if (StatementCache.isStale(f)) {
            if (SqlState.INVALID_SQL_STATEMENT_NAME.equals(f.getSQLState())) cache.forgetAllNames();
            cache.forget(s.plan.key());
        }
    }

    private static SQLException notExecuted(SQLException cause, int failedStep) {
        if (cause == null) {
            return SqlExceptions.of(SqlState.CONNECTION_FAILURE, "not executed: the pipeline ended before this statement");
        }
        if (failedStep < 0) {
            // the connection failed, not a statement: the cause says what to do
            return cause;
        }
        return SqlExceptions.of(SqlState.IN_FAILED_SQL_TRANSACTION, "not executed: an earlier statement in the pipeline "
                + "(number " + (failedStep + 1) + " since the last sync) failed, so the server skipped the rest up to the "
                + "sync; the connection remains usable: run the statement again", cause);
    }
}
