package io.ysql.internal.cursor;

import io.ysql.Pipeline;
import io.ysql.PipelineResult;
import io.ysql.YsqlConnection;
import io.ysql.errors.Errors;
import io.ysql.errors.InterfaceError;
import io.ysql.error.SqlState;
import io.ysql.internal.catalog.TypeCatalog;
import io.ysql.internal.codec.CodecRegistry;
import io.ysql.internal.codec.ValueDecoder;
import io.ysql.internal.session.Bindings;
import io.ysql.internal.session.PipelineFlow;
import io.ysql.internal.session.PipelineStep;
import io.ysql.internal.session.Session;
import io.ysql.internal.sql.ParsedSql;
import io.ysql.internal.wire.backend.RowDescription;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cursor API's {@link Pipeline} over a session's {@link PipelineFlow}: binds {@code %s} /
 * {@code %(name)s} values like a cursor, hands out a {@link PipelinedResult} per statement, and
 * reports each failure once: by the failed statement's result when it is read, else by the next
 * explicit {@link #sync()} or {@link #close()}. Errors are the cursor API's DB-API classes.
 */
public final class SessionPipeline implements Pipeline {
    private final YsqlConnection connection;
    private final PipelineFlow flow;
    private final PyformatBinder binder;
    private final ValueDecoder decoder;
    private final TypeCatalog catalog;
    private final List<PipelinedResult> unreported = new ArrayList<>();
    private boolean closed;
    private String lastSql; // a pipeline mostly repeats a statement: parse it once
    private ParsedSql lastParsed;
    private RowDescription lastDescription; // and its results share one description (a cached statement's)
    private Columns lastColumns;

    public SessionPipeline(YsqlConnection connection, Session session, CodecRegistry codecs, TypeCatalog catalog) {
        this.connection = connection;
        this.flow = session.pipeline();
        this.binder = new PyformatBinder(codecs.encoder());
        this.decoder = codecs.decoder();
        this.catalog = catalog;
    }

    @Override
    public PipelineResult execute(String sql, Object... params) throws SQLException {
        checkOpen();
        ParsedSql parsed = parse(sql);
        return queue(parsed, binder.positional(parsed, params));
    }

    @Override
    public PipelineResult execute(String sql, Map<String, ?> params) throws SQLException {
        checkOpen();
        ParsedSql parsed = parse(sql);
        return queue(parsed, binder.named(parsed, params));
    }

    private ParsedSql parse(String sql) throws SQLException {
        if (sql != null && sql.equals(lastSql)) return lastParsed;
        ParsedSql parsed = PyformatBinder.parse(sql);
        lastSql = sql;
        lastParsed = parsed;
        return parsed;
    }

    /** The columns of a result with {@code d}, shared with the previous result when it has the same description. */
    Columns columns(RowDescription d) {
        if (d != lastDescription) {
            lastColumns = new Columns(d.fields(), decoder);
            lastDescription = d;
        }
        return lastColumns;
    }

    private PipelineResult queue(ParsedSql parsed, Bindings bindings) throws SQLException {
        PipelineStep step;
        try {
            step = flow.add(parsed.sql(), bindings);
        } catch (SQLException e) {
            throw Errors.from(e);
        }
        PipelinedResult r = new PipelinedResult(this, step, catalog);
        unreported.add(r);
        return r;
    }

    @Override
    public void sync() throws SQLException {
        checkOpen();
        syncAndReport();
    }

    private void syncAndReport() throws SQLException {
        try {
            flow.sync();
        } catch (SQLException e) {
            throw Errors.from(e);
        }
        PipelinedResult first = null;
        for (PipelinedResult r : unreported) {
            if (first == null && r.failedUnreported()) first = r;
        }
        unreported.clear();
        if (first != null) first.throwError();
    }

    /** Syncs because a result was read before its sync; failures wait for the explicit sync (or their result). */
    void syncFor(PipelinedResult reader) throws SQLException {
        try {
            flow.sync();
        } catch (SQLException e) {
            throw Errors.from(e);
        }
        unreported.removeIf(r -> r != reader && !r.failedUnreported());
    }

    @Override public int queued() { return flow.queued(); }
    @Override public YsqlConnection connection() { return connection; }
    @Override public boolean isClosed() { return closed; }

    @Override
    public void close() throws SQLException {
        if (closed) return;
        closed = true;
        syncAndReport();
    }

    private void checkOpen() throws SQLException {
        if (closed) throw new InterfaceError("the pipeline is closed", SqlState.INVALID_CURSOR_STATE, null, null);
        if (connection.isClosed()) {
            throw new InterfaceError("the connection is closed", SqlState.CONNECTION_DOES_NOT_EXIST, null, null);
        }
    }
}
