package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs statements of a session through its statement cache and tells the {@link QueryObserver}
 * about them. A statement or batch that fails because a cached plan went stale (DDL changed its
 * columns, or {@code DISCARD ALL}/{@code DEALLOCATE} dropped it) is forgotten and run once more
 * afresh, unless the failure aborted a transaction block; a plain SELECT whose column changed to a
 * type the codecs read only as text is run again reading text. A statement that fails after an
 * automatic savepoint ({@link AutoSave}) is rolled back to it, so the transaction goes on. The
 * session writes and reads; this class decides what to run and what to make of the outcome.
 */
final class StatementRuns {
    private final Session session;
    private volatile QueryObserver observer = QueryObserver.LOGGING;

    StatementRuns(Session session) { this.session = session; }

    /** Reports statements to {@code o} from now on (SQL text and counts, never parameter values). */
    void observe(QueryObserver o) { observer = o == null ? QueryObserver.LOGGING : o; }

    /** Runs {@code sql} (one or more statements) with the simple query protocol. */
    List<QueryResult> simpleQuery(String sql, Consumer<ServerError> notices) throws SQLException {
        long started = observeStart(sql);
        try {
            SimpleQuery q = new SimpleQuery(sql);
            run(q, notices);
            List<QueryResult> results = q.results();
            observeEnd(sql, started, results.isEmpty() ? -1 : results.get(results.size() - 1).rowCount(), null);
            return results;
        } catch (SQLException e) {
            observeEnd(sql, started, -1, e);
            throw e;
        }
    }

    /** Runs one statement with the extended protocol, through the statement cache. */
    QueryResult execute(StatementText text, Bindings bindings, int maxRows, Consumer<ServerError> notices)
            throws SQLException {
        long started = observeStart(text.sql());
        try {
            QueryResult r = execute(text, bindings, maxRows, notices, false);
            observeEnd(text.sql(), started, r.rowCount(), null);
            return r;
        } catch (SQLException e) {
            observeEnd(text.sql(), started, -1, e);
            throw e;
        }
    }

    private QueryResult execute(StatementText text, Bindings bindings, int maxRows, Consumer<ServerError> notices,
                                boolean retry) throws SQLException {
        StatementCache statements = session.statementCache();
        CachedQuery q = text.take(bindings, maxRows, statements);
        run(q, notices);
        q.recordRun();
        SQLException f = q.failure();
        if (f != null && q.usedCache() && StatementCache.isStale(f)) {
            // DDL changed the columns, or DISCARD ALL / DEALLOCATE dropped the statement: forget it, and run it
            // afresh unless the failure aborted a transaction block (then the caller must roll back first)
            if (SqlState.INVALID_SQL_STATEMENT_NAME.equals(f.getSQLState())) statements.forgetAllNames();
            statements.forget(q.key());
            if (!retry && !blockFailed()) return execute(text, bindings, maxRows, notices, true);
        }
        q.throwIfFailed();
        QueryResult r = q.result();
        if (q.usedFormats() && !statements.readable(r.description())) {
            // a column's type changed since the last run to one the codecs read only as text: this run was a
            // plain SELECT (only those reuse formats unnamed), so run it again reading text
            statements.forget(q.key());
            if (!retry && !blockFailed()) return execute(text, bindings, maxRows, notices, true);
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "cached plan must not change result type: a column "
                    + "of this query changed its type since the last run; run the query again");
        }
        text.giveBack(q);
        return r;
    }

    /** Runs {@code texts.get(i)} with {@code batch.get(i)} for every i, in a single round trip. */
    BatchOutcome executeBatch(List<String> texts, List<Bindings> batch, int prepareThreshold,
                              Consumer<ServerError> notices) throws SQLException {
        if (batch.isEmpty()) return new BatchOutcome(List.of(), -1, null);
        long started = observeStart(texts.get(0));
        StatementCache statements = session.statementCache();
        try {
            ExtendedQuery q = new ExtendedQuery(texts, batch, statements, prepareThreshold);
            run(q, notices);
            q.recordRuns();
            SQLException f = q.failure();
            if (f != null && q.failedOnCachedStep() && StatementCache.isStale(f) && !blockFailed()) {
                // as in execute: a prepared statement went stale; the batch was rolled back whole, so run it afresh
                if (SqlState.INVALID_SQL_STATEMENT_NAME.equals(f.getSQLState())) statements.forgetAllNames();
                q.forgetPlans();
                q = new ExtendedQuery(texts, batch, statements, prepareThreshold);
                run(q, notices);
                q.recordRuns();
            }
            if (q.failure() != null && q.failedExecution() < 0) q.throwIfFailed();
            BatchOutcome outcome = new BatchOutcome(q.results(), q.failedExecution(), q.failure());
            observeEnd(texts.get(0), started, outcome.results().stream().mapToLong(r -> Math.max(0, r.rowCount())).sum(),
                    outcome.failure());
            return outcome;
        } catch (SQLException e) {
            observeEnd(texts.get(0), started, -1, e);
            throw e;
        }
    }

    /** Submits {@code e}, waits for its answer, restores the automatic savepoint if it failed, passes on its notices. */
    void run(Exchange e, Consumer<ServerError> notices) throws SQLException {
        session.submit(e, 0);
        session.await(e, 0);
        restoreAutosave(e);
        if (notices != null && !e.notices().isEmpty()) e.notices().forEach(notices);
    }

    /**
     * Rolls back to the automatic savepoint set before {@code e} when {@code e} failed and the
     * policy restores after its failure: the transaction goes on. The rollback's own failure, if
     * any, is added to {@code e}'s.
     */
    void restoreAutosave(Exchange e) throws SQLException {
        String sp = e.autosavepoint();
        AutoSave policy = session.autoSave();
        if (sp == null || e.failure() == null || !blockFailed() || session.isClosed()
                || !policy.restoresAfter(e.failure())) {
            return;
        }
        SimpleQuery r = new SimpleQuery("ROLLBACK TO SAVEPOINT " + sp
                + (policy.cleanup() ? "; RELEASE SAVEPOINT " + sp : ""));
        r.neverBegin();
        session.submit(r, 0);
        session.await(r, 0);
        if (r.failure() != null) e.failure().addSuppressed(r.failure());
    }

    private boolean blockFailed() { return session.transactionStatus() == TransactionStatus.FAILED; }

    /** Tells the observer a statement starts; returns the start time, or -1 when nobody listens. */
    private long observeStart(String sql) {
        QueryObserver o = observer;
        if (!QueryObserver.active(o)) return -1;
        o.started(sql);
        return System.nanoTime();
    }

    private void observeEnd(String sql, long started, long rows, SQLException failure) {
        if (started == -1) return;
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (failure == null) {
            observer.finished(sql, rows, took);
        } else {
            observer.failed(sql, failure, took);
        }
    }
}
