package io.ysql.internal.session;

import java.sql.SQLException;

/**
 * One statement queued in a {@link PipelineFlow}: how it was sent (its statement-cache plan) and,
 * once the pipeline has been synced, its outcome: the server's result, the server's error, or the
 * error saying it was not executed because an earlier statement of the same sync failed.
 */
public final class PipelineStep {
    final String sql;
    final Bindings bindings;
    final StatementCache.Plan plan;
    private volatile boolean done;
    private QueryResult result;
    private SQLException failure;
    private boolean executed;
    private boolean skipped;

    PipelineStep(String sql, Bindings bindings, StatementCache.Plan plan) {
        this.sql = sql;
        this.bindings = bindings;
        this.plan = plan;
    }

    /** True once the pipeline was synced past this statement: {@link #result()} no longer waits. */
    public boolean isDone() { return done; }

    /** The statement's result; throws its error, or the reason it was not executed. */
    public QueryResult result() throws SQLException {
        if (!done) throw new IllegalStateException("the pipeline has not been synced past this statement");
        if (failure != null) throw failure;
        return result;
    }

    /** The statement's error, or null when it succeeded (or is not done yet). */
    public SQLException failure() { return done ? failure : null; }

    /** True when the server ran this statement (successfully or not), false when it skipped it. */
    public boolean executed() { return executed; }

    /** True when the server skipped this statement because an earlier one since the last sync failed. */
    public boolean skipped() { return done && skipped; }

    /** The SQL text sent, with {@code $n} placeholders. */
    public String sql() { return sql; }

    void succeed(QueryResult r) {
        result = r;
        executed = true;
        done = true;
    }

    void skip(SQLException e) {
        skipped = true;
        fail(e, false);
    }

    void fail(SQLException e, boolean ranOnServer) {
        failure = e;
        executed = ranOnServer;
        done = true;
    }
}
