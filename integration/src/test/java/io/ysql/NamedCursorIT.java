package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.errors.ProgrammingError;
import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Named server-side cursors with psycopg2's semantics: declared by {@code execute}, read in chunks
 * by iteration and the fetch methods, moved by {@code scroll}, closed on the server by
 * {@code close}; {@code withhold} outlives a commit; misuse raises {@link ProgrammingError}. The
 * server shows the chunks: each row calls {@code nextval}, which a second connection reads.
 */
class NamedCursorIT {
    private static final String COUNTED = "SELECT nextval('named_cursor_it.seq') AS n, i FROM generate_series(1, 100) AS i";
    private YsqlConnection conn;
    private YsqlConnection observer;

    @BeforeEach
    void open() throws SQLException {
        PgCluster cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS named_cursor_it CASCADE; CREATE SCHEMA named_cursor_it; "
                + "CREATE SEQUENCE named_cursor_it.seq");
        conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
        observer = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
        observer.close();
    }

    private long produced() throws SQLException {
        try (Cursor c = observer.cursor()) {
            c.execute("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM named_cursor_it.seq");
            return ((Number) c.fetchone().get(0)).longValue();
        }
    }

    private long serverCursors(String name) throws SQLException {
        try (Cursor c = conn.cursor()) {
            c.execute("SELECT count(*) FROM pg_cursors WHERE name = %s", name);
            return ((Number) c.fetchone().get(0)).longValue();
        }
    }

    @Test
    void iterationReadsItersizeRowsPerRoundTrip() throws SQLException {
        conn.setAutoCommit(false);
        try (Cursor cur = conn.cursor("counted")) {
            cur.itersize(10);
            cur.execute(COUNTED);
            assertThat(produced()).isZero();
            int n = 0;
            for (Row r : cur) {
                n++;
                assertThat(r.get("i")).isEqualTo(n);
                if (n == 1) assertThat(produced()).isEqualTo(10);
                if (n == 11) assertThat(produced()).isEqualTo(20);
            }
            assertThat(n).isEqualTo(100);
            assertThat(cur.rownumber()).isEqualTo(100);
            assertThat(cur.description()).extracting(Column::name).containsExactly("n", "i");
        }
        conn.commit();
    }

    @Test
    void fetchMethodsReadOnlyWhatTheyAskFor() throws SQLException {
        try (Transaction tx = conn.transaction(); Cursor cur = conn.cursor("fetching")) {
            cur.execute(COUNTED + " WHERE i > %s", 50);
            assertThat(cur.description()).isNull();
            assertThat(cur.fetchone().get("i")).isEqualTo(51);
            assertThat(produced()).isEqualTo(1);
            assertThat(cur.fetchmany(3)).extracting(r -> r.get("i")).containsExactly(52, 53, 54);
            cur.arraysize(2);
            assertThat(cur.fetchmany()).extracting(r -> r.get("i")).containsExactly(55, 56);
            assertThat(produced()).isEqualTo(6);
            assertThat(cur.rownumber()).isEqualTo(6);
            assertThat(cur.fetchall()).hasSize(44);
            assertThat(cur.fetchone()).isNull();
            assertThat(cur.rowcount()).isEqualTo(50);
            assertThat(serverCursors("fetching")).isEqualTo(1);
            cur.close();
            assertThat(serverCursors("fetching")).isZero();
            tx.commit();
        }
    }

    @Test
    void withholdOutlivesTheCommitAndCloseClosesItOnTheServer() throws SQLException {
        conn.setAutoCommit(false);
        Cursor cur = conn.cursor("held", true);
        cur.execute("SELECT i FROM generate_series(1, 10) AS i");
        assertThat(cur.fetchmany(3)).extracting(r -> r.get(0)).containsExactly(1, 2, 3);
        conn.commit();
        assertThat(cur.fetchmany(2)).extracting(r -> r.get(0)).containsExactly(4, 5);
        conn.commit();
        assertThat(serverCursors("held")).isEqualTo(1);
        cur.close();
        assertThat(serverCursors("held")).isZero();
        conn.commit();
    }

    @Test
    void withholdWorksInAutocommitMode() throws SQLException {
        try (Cursor cur = conn.cursor("auto held", true)) {
            cur.execute("SELECT i FROM generate_series(1, 5) AS i");
            List<Object> seen = new ArrayList<>();
            cur.itersize(2);
            for (Row r : cur) seen.add(r.get(0));
            assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        }
        assertThat(serverCursors("auto held")).isZero();
    }

    @Test
    void aScrollableCursorMovesBothWays() throws SQLException {
        conn.setAutoCommit(false);
        try (Cursor cur = conn.cursor("scrolling", false, true)) {
            cur.execute("SELECT i FROM generate_series(1, 10) AS i");
            assertThat(cur.fetchmany(5)).hasSize(5);
            cur.scroll(-3);
            assertThat(cur.rownumber()).isEqualTo(2);
            assertThat(cur.fetchone().get(0)).isEqualTo(3);
            cur.scroll(7, "absolute");
            assertThat(cur.rownumber()).isEqualTo(7);
            assertThat(cur.fetchone().get(0)).isEqualTo(8);
            cur.scroll(0, "absolute");
            assertThat(cur.fetchone().get(0)).isEqualTo(1);
            cur.scroll(2);
            assertThat(cur.fetchone().get(0)).isEqualTo(4);
        }
        conn.rollback();
    }

    @Test
    void scrollAfterIterationCountsTheRowsNotYetHandedOut() throws SQLException {
        conn.setAutoCommit(false);
        try (Cursor cur = conn.cursor("iter scroll", false, true)) {
            cur.itersize(4);
            cur.execute("SELECT i FROM generate_series(1, 10) AS i");
            var it = cur.iterator();
            assertThat(it.next().get(0)).isEqualTo(1);
            cur.scroll(1); // skip row 2, though rows 2..4 were fetched already
            assertThat(cur.fetchone().get(0)).isEqualTo(3);
        }
        conn.rollback();
    }

    @Test
    void aNoScrollCursorRefusesToMoveBackwardsWithTheServersError() throws SQLException {
        conn.setAutoCommit(false);
        try (Cursor cur = conn.cursor("forward only", false, false)) {
            cur.execute("SELECT i FROM generate_series(1, 10) AS i");
            cur.fetchmany(3);
            assertThatThrownBy(() -> cur.scroll(-2)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("55000")).hasMessageContaining("backward");
        }
        conn.rollback();
    }

    @Test
    void withoutWithholdOutsideATransactionInAutocommitIsAProgrammingError() throws SQLException {
        try (Cursor cur = conn.cursor("needs tx")) {
            assertThatThrownBy(() -> cur.execute("SELECT 1")).isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("withhold").hasMessageContaining("transaction");
        }
        assertThat(serverCursors("needs tx")).isZero();
    }

    @Test
    void aSecondExecuteIsAProgrammingError() throws SQLException {
        conn.setAutoCommit(false);
        try (Cursor cur = conn.cursor("once")) {
            cur.execute("SELECT 1");
            assertThatThrownBy(() -> cur.execute("SELECT 2")).isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("new cursor");
            assertThat(cur.fetchone().get(0)).isEqualTo(1);
        }
        conn.rollback();
    }

    @Test
    void closingAfterTheTransactionEndedSendsNothingThatCouldFail() throws SQLException {
        conn.setAutoCommit(false);
        Cursor cur = conn.cursor("gone");
        cur.execute("SELECT 1");
        conn.commit();
        try (Cursor c = conn.cursor()) {
            c.execute("SELECT 2"); // a new block
        }
        cur.close(); // CLOSE would fail (34000) and abort the new block
        conn.commit();
        assertThat(conn.isValid(5)).isTrue();
    }
}
