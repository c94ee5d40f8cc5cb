package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.error.SqlExceptions;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.BindComplete;
import io.ysql.internal.wire.backend.BufferedDataRow;
import io.ysql.internal.wire.backend.CommandComplete;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.ParseComplete;
import io.ysql.internal.wire.backend.ReadyForQuery;
import io.ysql.internal.wire.backend.RowDescription;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answers to a pipeline segment are matched to its statements in order, sans I/O: the
 * statement that failed gets the server's error, the ones after it the "not executed" error, the
 * ones before it their results; a BEGIN sent first is not taken for a statement's result; cached
 * statements get their columns from the cache.
 */
class PipelineSegmentTest {
    private static final Bindings ONE_INT = new Bindings(new int[] {23}, new short[] {0}, new byte[][] {"1".getBytes()});
    private static final RowDescription INT_COLUMN = new RowDescription(new RowDescription.Field[] {
        new RowDescription.Field("n", 0, (short) 0, 23, (short) 4, -1, (short) 0)});

    private final StatementCache cache = new StatementCache(oid -> false);

    private static BufferedDataRow row(String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        ByteWriter w = new ByteWriter().writeShort(1).writeInt(v.length).writeBytes(v);
        return new BufferedDataRow().reset(w.toByteArray(), 0, w.size());
    }

    private static void feed(PipelineSegment s, BackendMessage... messages) throws SQLException {
        for (BackendMessage m : messages) {
            if (m instanceof ReadyForQuery rfq) {
                s.ready(rfq);
            } else {
                s.handle(m);
            }
        }
    }

    private static ErrorResponse error(String state, String message) {
        return new ErrorResponse(Map.of('S', "ERROR", 'V', "ERROR", 'C', state, 'M', message));
    }

    @Test
    void theFailedStatementGetsTheServerErrorAndTheOnesAfterItAreNotExecuted() throws SQLException {
        PipelineSegment s = new PipelineSegment(cache);
        ByteWriter out = new ByteWriter();
        PipelineStep first = s.add("SELECT $1::int", ONE_INT, out);
        PipelineStep failing = s.add("SELECT 1 / $1::int", ONE_INT, out);
        PipelineStep skipped = s.add("SELECT $1::int", ONE_INT, out);
        assertThat(out.size()).isPositive();
        s.seal();
        feed(s, ParseComplete.INSTANCE, BindComplete.INSTANCE, INT_COLUMN, row("7"), new CommandComplete("SELECT 1"),
                ParseComplete.INSTANCE, BindComplete.INSTANCE, error("22012", "division by zero"),
                new ReadyForQuery(ReadyForQuery.IDLE));
        assertThat(s.isDone()).isTrue();
        SQLException firstError = s.resolve();
        assertThat(firstError.getSQLState()).isEqualTo("22012");
        assertThat(first.result().rows().size()).isEqualTo(1);
        assertThat(first.result().commandTag()).isEqualTo("SELECT 1");
        assertThat(failing.executed()).isTrue();
        assertThat(failing.skipped()).isFalse();
        assertThatThrownBy(failing::result).isSameAs(firstError);
        assertThat(skipped.executed()).isFalse();
        assertThat(skipped.skipped()).isTrue();
        assertThatThrownBy(skipped::result).isInstanceOf(SQLException.class)
                .hasMessageContaining("not executed: an earlier statement in the pipeline (number 2 since the last sync)")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P02"));
    }

    @Test
    void aBeginSentFirstIsNotAStatementsResult() throws SQLException {
        PipelineSegment s = new PipelineSegment(cache);
        s.beginFirst();
        PipelineStep step = s.add("SELECT $1::int", ONE_INT, new ByteWriter());
        s.seal();
        feed(s, new CommandComplete("BEGIN"), new ReadyForQuery(ReadyForQuery.IN_TRANSACTION));
        assertThat(s.isDone()).isFalse();
        feed(s, ParseComplete.INSTANCE, BindComplete.INSTANCE, INT_COLUMN, row("1"), new CommandComplete("SELECT 1"),
                new ReadyForQuery(ReadyForQuery.IN_TRANSACTION));
        assertThat((Throwable) s.resolve()).isNull();
        assertThat(step.result().commandTag()).isEqualTo("SELECT 1");
        assertThat(step.result().hasRows()).isTrue();
    }

    @Test
    void aConnectionLostBeforeTheSyncFailsEveryStatement() throws SQLException {
        PipelineSegment s = new PipelineSegment(cache);
        PipelineStep a = s.add("SELECT $1::int", ONE_INT, new ByteWriter());
        PipelineStep b = s.add("SELECT $1::int", ONE_INT, new ByteWriter());
        s.seal();
        feed(s, ParseComplete.INSTANCE, BindComplete.INSTANCE, INT_COLUMN, row("1"), new CommandComplete("SELECT 1"));
        SQLException lost = SqlExceptions.of("08006", "connection lost");
        s.abort(lost);
        assertThat((Throwable) s.resolve()).isSameAs(lost);
        assertThatThrownBy(a::result).isSameAs(lost); // its implicit transaction was never committed
        assertThatThrownBy(b::result).isSameAs(lost);
        assertThat(a.executed()).isFalse();
    }

    private StatementCache.Plan plan(String sql) {
        return cache.plan(new StatementCache.Key(sql, ONE_INT.typeOids().clone()), -1);
    }

    @Test
    void cachedStatementsTakeTheirColumnsFromTheCache() throws SQLException {
        String sql = "SELECT $1::int AS n";
        for (int i = 0; i < StatementCache.PREPARE_THRESHOLD - 1; i++) cache.ran(plan(sql), INT_COLUMN, true);
        PipelineSegment first = new PipelineSegment(cache);
        PipelineStep prepared = first.add(sql, ONE_INT, new ByteWriter());
        assertThat(prepared.plan.kind()).isEqualTo(StatementCache.Kind.PREPARE);
        first.seal();
        feed(first, ParseComplete.INSTANCE, BindComplete.INSTANCE, INT_COLUMN, row("1"), new CommandComplete("SELECT 1"),
                new ReadyForQuery(ReadyForQuery.IDLE));
        assertThat((Throwable) first.resolve()).isNull();
        assertThat(prepared.result().description().fields()[0].name()).isEqualTo("n");

        PipelineSegment second = new PipelineSegment(cache);
        PipelineStep named = second.add(sql, ONE_INT, new ByteWriter());
        assertThat(named.plan.kind()).isEqualTo(StatementCache.Kind.NAMED);
        second.seal();
        feed(second, BindComplete.INSTANCE, row("2"), new CommandComplete("SELECT 1"), new ReadyForQuery(ReadyForQuery.IDLE));
        assertThat((Throwable) second.resolve()).isNull();
        assertThat(named.result().rows().size()).isEqualTo(1);
        assertThat(named.result().description().fields()[0].name()).isEqualTo("n");
    }

    @Test
    void aSkippedPrepareIsForgottenSoTheNextRunPreparesAgain() throws SQLException {
        String sql = "SELECT $1::int AS n";
        for (int i = 0; i < StatementCache.PREPARE_THRESHOLD - 1; i++) cache.ran(plan(sql), INT_COLUMN, true);
        PipelineSegment s = new PipelineSegment(cache);
        s.add("SELECT 1 / $1::int", ONE_INT, new ByteWriter());
        PipelineStep prepare = s.add(sql, ONE_INT, new ByteWriter());
        assertThat(prepare.plan.kind()).isEqualTo(StatementCache.Kind.PREPARE);
        s.seal();
        feed(s, ParseComplete.INSTANCE, BindComplete.INSTANCE, error("22012", "division by zero"),
                new ReadyForQuery(ReadyForQuery.IDLE));
        s.resolve();
        assertThat(prepare.skipped()).isTrue();
        assertThat(cache.drainCloses()).hasSize(1); // closing a statement that was never made is harmless
        assertThat(plan(sql).kind()).isEqualTo(StatementCache.Kind.PREPARE);
    }
}
