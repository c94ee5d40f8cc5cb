package io.ysql;

import java.sql.SQLException;
import java.util.Map;

/**
 * An explicit pipeline, as psycopg 3's {@code conn.pipeline()}: statements are queued and sent
 * back to back without waiting for each other's results, and the server is asked to answer them
 * all at a {@link #sync()} (also done by {@link #close()}, and when a result is read before its
 * sync). Placeholders are the cursor's: {@code %s} and {@code %(name)s}, always bound as
 * parameters.
 *
 * <pre>{@code
 * try (Pipeline p = conn.pipeline()) {
 *     PipelineResult a = p.execute("INSERT INTO t VALUES (%s)", 1);
 *     PipelineResult b = p.execute("SELECT count(*) FROM t");
 *     p.sync();
 *     long n = (Long) b.rows().get(0).get(0);
 * }
 * }</pre>
 *
 * <p>Errors and transactions follow the server. The statements between two syncs form one unit:
 * in autocommit mode they run in one implicit transaction committed at the sync, so when one
 * fails, the effects of the earlier ones since the last sync are rolled back too. After a failed
 * statement the server skips every statement up to the next sync: the failed statement's result
 * throws the server's error, each skipped one throws SQLSTATE 25P02 "not executed: an earlier
 * statement in the pipeline failed" (psycopg's {@code PipelineAborted}), and {@link #sync()}
 * throws the first error unless its result has thrown it already. The connection stays usable
 * and the statements after the sync run normally. With autocommit off, the pipeline runs inside
 * the connection's transaction, which a failure leaves aborted until rollback.
 *
 * <p>Between two syncs the pipeline alone writes to the connection: other threads' statements
 * wait and are sent after the sync; a statement this thread runs on the connection by other means
 * (a cursor, a JDBC statement, a commit) syncs the pipeline first. Not thread-safe: use a
 * pipeline from one thread at a time, and always close it (try-with-resources) so that the
 * connection is released.
 */
public interface Pipeline extends AutoCloseable {

    /** Queues a statement with positional {@code %s} parameters; its result is known after the next sync. */
    PipelineResult execute(String sql, Object... params) throws SQLException;

    /** Queues a statement with named {@code %(name)s} parameters. */
    PipelineResult execute(String sql, Map<String, ?> params) throws SQLException;

    /** Queues a query composed with {@link Sql}, with its {@code %s} placeholders bound to {@code params}. */
    default PipelineResult execute(Sql query, Object... params) throws SQLException {
        return execute(template(query), params);
    }

    /** Queues a query composed with {@link Sql}, with its {@code %(name)s} placeholders bound from {@code params}. */
    default PipelineResult execute(Sql query, Map<String, ?> params) throws SQLException {
        return execute(template(query), params);
    }

    /**
     * The text of {@code query} with its literals' and identifiers' {@code %} doubled, so only its
     * own placeholders bind, as the cursor does; DB-API errors as the rest of this API raises.
     */
    private String template(Sql query) throws SQLException {
        if (query == null) throw new io.ysql.errors.ProgrammingError("the query is null", "22023", null, null);
        try {
            return query.asTemplate(connection());
        } catch (SQLException e) {
            throw io.ysql.errors.Errors.from(e);
        }
    }

    /**
     * Sends a Sync and waits for the results of every statement queued since the last one. Throws
     * the first statement error since the last sync (unless its result threw it already); every
     * queued statement's result is available either way.
     */
    void sync() throws SQLException;

    /** Statements queued and not yet synced. */
    int queued();

    /** The connection this pipeline runs on. */
    YsqlConnection connection();

    boolean isClosed();

    /** Syncs what is queued (throwing as {@link #sync()} does) and ends the pipeline. Closing twice is fine. */
    @Override
    void close() throws SQLException;
}
