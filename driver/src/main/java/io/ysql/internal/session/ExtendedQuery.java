package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.BindComplete;
import io.ysql.internal.wire.backend.BufferedDataRow;
import io.ysql.internal.wire.backend.CloseComplete;
import io.ysql.internal.wire.backend.CopyInResponse;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.NoData;
import io.ysql.internal.wire.backend.ParameterDescription;
import io.ysql.internal.wire.backend.ParseComplete;
import io.ysql.internal.wire.backend.RowDescription;
import io.ysql.internal.wire.frontend.Bind;
import io.ysql.internal.wire.frontend.Close;
import io.ysql.internal.wire.frontend.CopyFail;
import io.ysql.internal.wire.frontend.Describe;
import io.ysql.internal.wire.frontend.Execute;
import io.ysql.internal.wire.frontend.Parse;
import io.ysql.internal.wire.frontend.Sync;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The batch flow: statements run once per parameter set in one round trip, one Sync at the end.
 * Consecutive executions of the same text and parameter types form a step, planned once through
 * the {@link StatementCache}: a step Parses the unnamed statement, or prepares a named one
 * (Parse and Describe statement), or Binds a statement prepared before; then Bind and Execute
 * per parameter set. A batch counts as one run of each of its steps. Rows are not kept, only
 * counts.
 */
final class ExtendedQuery extends Exchange {
    private static final short[] NO_FORMATS = new short[0];

    private final List<String> texts;
    private final List<Bindings> executions;
    private final StatementCache cache;
    private final int threshold;
    private final ResultCollector collector = new ResultCollector();
    private final List<StatementCache.Plan> plans = new ArrayList<>(1);
    private final List<Integer> stepStarts = new ArrayList<>(1);
    private final List<RowDescription> described = new ArrayList<>(1);
    private int failedExecution = -1;

    /**
     * @param texts the SQL text of each execution (usually one string repeated)
     * @param threshold the statements' own prepare threshold, or -1 for the connection's
     */
    ExtendedQuery(List<String> texts, List<Bindings> executions, StatementCache cache, int threshold) {
        if (texts.size() != executions.size()) throw new IllegalArgumentException("one text per execution");
        this.texts = texts;
        this.executions = executions;
        this.cache = cache;
        this.threshold = threshold;
    }

    @Override
    void write(MessageWriter out) {
        for (String name : cache.drainCloses()) out.add(Close.statement(name));
        writePrefix(out);
        String text = null;
        int[] types = null;
        String statement = "";
        for (int i = 0; i < executions.size(); i++) {
            Bindings b = executions.get(i);
            String t = texts.get(i);
            if (text == null || (t != text && !t.equals(text)) || !Arrays.equals(types, b.typeOids())) {
                text = t;
                types = b.typeOids();
                StatementCache.Plan plan = cache.plan(new StatementCache.Key(t, types.clone()), threshold);
                plans.add(plan);
                stepStarts.add(i);
                statement = plan.name();
                if (plan.kind() != StatementCache.Kind.NAMED) out.add(new Parse(statement, t, types));
                if (plan.kind() == StatementCache.Kind.PREPARE) out.add(Describe.statement(statement));
            }
            out.add(new Bind("", statement, b.formats(), b.values(), NO_FORMATS));
            out.add(Execute.UNNAMED_ALL);
        }
        out.add(Sync.INSTANCE);
        writeSuffix(out);
    }

    @Override boolean takesAutosave() { return true; }

    @Override
    void handle(BackendMessage m) throws SQLException {
        if (m instanceof ParseComplete || m instanceof BindComplete || m instanceof CloseComplete
                || m instanceof ParameterDescription) return;
        if (m instanceof BufferedDataRow) return; // a batch keeps no rows; undescribed, they cannot be decoded
        if (m instanceof RowDescription d) { // only a Describe statement of a step being prepared asks for these
            described.add(d);
            return;
        }
        if (m instanceof NoData) {
            described.add(null);
            return;
        }
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

    /**
     * Tells the cache how each step ended: the steps before a failure ran, the failing one and
     * those after it (which the server skipped) did not.
     */
    void recordRuns() {
        int prepared = 0;
        for (int s = 0; s < plans.size(); s++) {
            StatementCache.Plan plan = plans.get(s);
            boolean ok = failedExecution < 0 && failure() == null
                    || failedExecution >= 0 && s + 1 < stepStarts.size() && stepStarts.get(s + 1) <= failedExecution;
            RowDescription d = null;
            if (plan.kind() == StatementCache.Kind.PREPARE) {
                d = prepared < described.size() ? described.get(prepared) : null;
                prepared++;
            }
            if (ok) {
                cache.ran(plan, d, false);
            } else {
                cache.failed(plan);
            }
        }
    }

    /** True when the failure hit a step that used a named statement (it may be stale). */
    boolean failedOnCachedStep() {
        if (failedExecution < 0) return false;
        int step = 0;
        while (step + 1 < stepStarts.size() && stepStarts.get(step + 1) <= failedExecution) step++;
        return step < plans.size() && plans.get(step).kind() == StatementCache.Kind.NAMED;
    }

    /** Forgets every statement this batch planned (before running it again). */
    void forgetPlans() {
        for (StatementCache.Plan p : plans) cache.forget(p.key());
    }

    /** Results of the executions that completed, in order. */
    List<QueryResult> results() {
        return ownResults(collector.results());
    }

    /** Index of the execution that failed, or -1. */
    int failedExecution() { return failedExecution; }
}
