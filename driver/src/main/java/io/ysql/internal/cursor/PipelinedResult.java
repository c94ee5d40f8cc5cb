package io.ysql.internal.cursor;

import io.ysql.Column;
import io.ysql.PipelineResult;
import io.ysql.Row;
import io.ysql.errors.Errors;
import io.ysql.internal.catalog.TypeCatalog;
import io.ysql.internal.session.PipelineStep;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.ResultRows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The handle of one pipelined statement: waits for its sync when read too early, then gives its
 * rows as cursor {@link Row}s, decoded on demand, or throws its error (once marked reported, the
 * pipeline's sync does not throw it again).
 */
final class PipelinedResult implements PipelineResult {
    private final SessionPipeline pipeline;
    private final PipelineStep step;
    private final TypeCatalog catalog;
    private boolean reported;
    private QueryResult result;
    private Columns columns;
    private List<Row> rows;

    PipelinedResult(SessionPipeline pipeline, PipelineStep step, TypeCatalog catalog) {
        this.pipeline = pipeline;
        this.step = step;
        this.catalog = catalog;
    }

    @Override public boolean isDone() { return step.isDone(); }

    @Override
    public List<Row> rows() throws SQLException {
        QueryResult r = result();
        if (rows == null) {
            if (!r.hasRows()) {
                rows = List.of();
            } else {
                ResultRows data = r.rows();
                List<Row> out = new ArrayList<>(data.size());
                for (int i = 0; i < data.size(); i++) out.add(new CursorRow(data, i, columns));
                rows = Collections.unmodifiableList(out);
            }
        }
        return rows;
    }

    @Override
    public long rowcount() throws SQLException {
        QueryResult r = result();
        return r.hasRows() ? r.rows().size() : r.rowCount();
    }

    @Override public String statusmessage() throws SQLException { return result().commandTag(); }

    @Override
    public List<Column> description() throws SQLException {
        result();
        return columns == null ? null : columns.description();
    }

    @Override
    public SQLException error() throws SQLException {
        awaitSync();
        SQLException f = step.failure();
        if (f == null) return null;
        reported = true;
        return Errors.from(f);
    }

    private QueryResult result() throws SQLException {
        if (result != null) return result;
        awaitSync();
        if (step.failure() != null) throwError();
        QueryResult r = step.result();
        catalog.learn(r);
        if (r.hasRows()) columns = pipeline.columns(r.description());
        result = r;
        return r;
    }

    private void awaitSync() throws SQLException {
        if (!step.isDone()) pipeline.syncFor(this);
    }

    /** True when the statement failed (not merely skipped) and nothing has thrown its error yet. */
    boolean failedUnreported() {
        return step.isDone() && step.failure() != null && !step.skipped() && !reported;
    }

    void throwError() throws SQLException {
        reported = true;
        throw Errors.from(step.failure());
    }

    @Override
    public String toString() {
        return "PipelineResult[" + (step.isDone() ? step.failure() == null ? "done" : "failed" : "pending") + "]";
    }
}
