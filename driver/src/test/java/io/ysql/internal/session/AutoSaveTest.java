package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.wire.backend.ReadyForQuery;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which statements the autosave policy wraps in a savepoint, and after which failures it restores. */
class AutoSaveTest {

    @Test
    void transactionControlIsNeverWrapped() {
        for (String sql : new String[] {"BEGIN", " commit", "ROLLBACK TO SAVEPOINT a", "savepoint x", "RELEASE x",
                "END", "abort", "START TRANSACTION", "PREPARE TRANSACTION 'g'", "(COMMIT)"}) {
            assertThat(AutoSave.isTransactionControl(sql)).as(sql).isTrue();
        }
        for (String sql : new String[] {"SELECT 1", "INSERT INTO t VALUES (1)", "PREPARE p AS SELECT 1", "",
                "releases_table", "WITH x AS (SELECT 1) SELECT * FROM x"}) {
            assertThat(AutoSave.isTransactionControl(sql)).as(sql).isFalse();
        }
    }

    @Test
    void modesDecideWhatIsWrappedAndRestored() {
        SimpleQuery select = new SimpleQuery("SELECT 1");
        SimpleQuery savepoint = new SimpleQuery("SAVEPOINT mine");
        AutoSave always = new AutoSave(AutoSave.Mode.ALWAYS, false);
        AutoSave conservative = new AutoSave(AutoSave.Mode.CONSERVATIVE, true);
        assertThat(always.applies(select)).isTrue();
        assertThat(always.applies(savepoint)).isFalse();
        assertThat(conservative.applies(select)).as("only cached statements can go stale").isFalse();
        assertThat(AutoSave.NEVER.applies(select)).isFalse();

        SQLException unique = new SQLException("duplicate key", "23505");
        SQLException stale = new SQLException("cached plan must not change result type", "0A000");
        assertThat(always.restoresAfter(unique)).isTrue();
        assertThat(conservative.restoresAfter(unique)).isFalse();
        assertThat(conservative.restoresAfter(stale)).isTrue();
        assertThat(AutoSave.Mode.of("conservative")).isEqualTo(AutoSave.Mode.CONSERVATIVE);
        assertThat(AutoSave.Mode.of(null)).isEqualTo(AutoSave.Mode.NEVER);
    }

    @Test
    void aStreamedQueryIsWrappedAtItsOpeningAndWithAlwaysAtEachChunk() {
        PortalStep opening = new PortalStep(null, 100);
        PortalStep chunk = new PortalStep(null, java.util.List.of(io.ysql.internal.wire.frontend.Sync.INSTANCE), true, null);
        AutoSave always = new AutoSave(AutoSave.Mode.ALWAYS, false);
        AutoSave conservative = new AutoSave(AutoSave.Mode.CONSERVATIVE, false);
        assertThat(always.applies(opening)).isTrue();
        assertThat(conservative.applies(opening)).as("the opening runs a cached plan, which may be stale").isTrue();
        assertThat(AutoSave.NEVER.applies(opening)).isFalse();
        assertThat(always.applies(chunk)).as("chunks are wrapped by the stream, not at submission").isFalse();
        assertThat(always.savesChunks()).isTrue();
        assertThat(conservative.savesChunks()).as("a chunk cannot fail on a stale plan").isFalse();
        assertThat(AutoSave.NEVER.savesChunks()).isFalse();
    }

    @Test
    void prefixAndSuffixResultsAreTrimmed() {
        SimpleQuery q = new SimpleQuery("SELECT 1");
        q.beginFirst("BEGIN READ ONLY");
        q.autosave("sp", true);
        assertThat(q.prefixResults()).isEqualTo(2);
        var all = java.util.List.of("begin", "savepoint", "select", "release");
        assertThat(q.ownResults(all)).as("while running, RELEASE has not answered yet").containsExactly("select", "release");
        for (int i = 0; i < 3; i++) assertThat(q.ready(new ReadyForQuery((byte) 'T'))).isFalse();
        assertThat(q.ready(new ReadyForQuery((byte) 'T'))).as("BEGIN, SAVEPOINT, the query and RELEASE").isTrue();
        assertThat(q.ownResults(all)).containsExactly("select");
        SimpleQuery plain = new SimpleQuery("SELECT 1");
        assertThat(plain.ownResults(java.util.List.of("select"))).containsExactly("select");
    }
}
