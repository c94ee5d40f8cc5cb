package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.errors.DivisionByZero;
import io.ysql.errors.InFailedSqlTransaction;
import io.ysql.errors.UniqueViolation;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Explicit pipelines against a real server: results in order, a failure that aborts the rest of
 * its sync exactly as the server does, several syncs, closing without a sync, transactions, and
 * statements of the same thread that sync the pipeline first.
 */
class PipelineIT {
    private static final String T = "pipeline_it.items";
    private static PgCluster cluster;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS pipeline_it CASCADE; CREATE SCHEMA pipeline_it; "
                + "CREATE TABLE " + T + " (id int PRIMARY KEY, name text, seq serial)");
    }

    @BeforeEach
    void empty() {
        cluster.psql("TRUNCATE " + T);
    }

    static YsqlConnection connect() throws SQLException {
        return Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
    }

    private static String ids() {
        return cluster.psql("SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM " + T);
    }

    @Test
    void resultsComeBackInOrderAfterTheSync() throws SQLException {
        try (YsqlConnection conn = connect(); Pipeline p = conn.pipeline()) {
            List<PipelineResult> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) results.add(p.execute("SELECT %s::int * 10, %s::text", i, "n" + i));
            PipelineResult insert = p.execute("INSERT INTO " + T + " (id, name) VALUES (%(id)s, %(name)s)",
                    java.util.Map.of("id", 7, "name", "seven"));
            assertThat(p.queued()).isEqualTo(21);
            assertThat(results.get(0).isDone()).isFalse();
            p.sync();
            assertThat(p.queued()).isZero();
            for (int i = 0; i < 20; i++) {
                PipelineResult r = results.get(i);
                assertThat(r.isDone()).isTrue();
                assertThat(r.rows()).hasSize(1);
                assertThat(r.first().values()).containsExactly(i * 10, "n" + i);
                assertThat(r.description()).extracting(Column::typeName).containsExactly("int4", "text");
            }
            assertThat(insert.rowcount()).isEqualTo(1);
            assertThat(insert.statusmessage()).isEqualTo("INSERT 0 1");
            assertThat(insert.description()).isNull();
        }
        assertThat(ids()).isEqualTo("7");
    }

    @Test
    void aFailureAbortsTheRestOfItsSyncAndTheConnectionStaysUsable() throws SQLException {
        try (YsqlConnection conn = connect(); Pipeline p = conn.pipeline()) {
            PipelineResult first = p.execute("INSERT INTO " + T + " (id) VALUES (1)");
            p.sync();
            PipelineResult before = p.execute("INSERT INTO " + T + " (id) VALUES (2)");
            PipelineResult failing = p.execute("SELECT 1 / %s", 0);
            PipelineResult after = p.execute("INSERT INTO " + T + " (id) VALUES (3)");
            assertThatThrownBy(p::sync).isInstanceOf(DivisionByZero.class);
            assertThat(first.rowcount()).isEqualTo(1);
            // the statements since the last sync are one implicit transaction: the one before the failure ran, then was rolled back
            assertThat(before.rowcount()).isEqualTo(1);
            assertThatThrownBy(failing::rows).isInstanceOf(DivisionByZero.class).hasMessageContaining("division by zero");
            assertThatThrownBy(after::rows).isInstanceOf(InFailedSqlTransaction.class)
                    .hasMessageContaining("not executed: an earlier statement in the pipeline")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P02"));
            assertThat((Throwable) after.error()).isInstanceOf(InFailedSqlTransaction.class);
            assertThat(ids()).isEqualTo("1");
            PipelineResult next = p.execute("INSERT INTO " + T + " (id) VALUES (4) RETURNING id");
            p.sync();
            assertThat(next.first().get(0)).isEqualTo(4);
            try (Cursor cur = conn.cursor()) {
                assertThat(cur.execute("SELECT count(*) FROM " + T).fetchone().get(0)).isEqualTo(2L);
            }
        }
        assertThat(ids()).isEqualTo("1,4");
    }

    @Test
    void anErrorReadFromItsResultIsNotThrownAgainBySync() throws SQLException {
        try (YsqlConnection conn = connect(); Pipeline p = conn.pipeline()) {
            p.execute("INSERT INTO " + T + " (id) VALUES (1)");
            PipelineResult dup = p.execute("INSERT INTO " + T + " (id) VALUES (1)");
            assertThatThrownBy(dup::rowcount).isInstanceOf(UniqueViolation.class); // syncs on its own
            p.sync();
            p.execute("INSERT INTO " + T + " (id) VALUES (5)");
        }
        assertThat(ids()).isEqualTo("5");
    }

    @Test
    void severalSyncsEachCommitTheirOwnStatements() throws SQLException {
        try (YsqlConnection conn = connect(); Pipeline p = conn.pipeline()) {
            for (int sync = 0; sync < 5; sync++) {
                for (int i = 0; i < 10; i++) p.execute("INSERT INTO " + T + " (id) VALUES (%s)", sync * 10 + i);
                if (sync == 2) p.execute("INSERT INTO " + T + " (id) VALUES (%s)", 0); // duplicate: this sync fails
                if (sync == 2) assertThatThrownBy(p::sync).isInstanceOf(UniqueViolation.class);
                else p.sync();
            }
        }
        assertThat(cluster.psql("SELECT count(*), min(id), max(id), count(*) FILTER (WHERE id BETWEEN 20 AND 29) FROM " + T))
                .isEqualTo("40|0|49|0");
    }

    @Test
    void closingWithoutSyncSendsTheQueuedStatements() throws SQLException {
        PipelineResult r;
        try (YsqlConnection conn = connect()) {
            try (Pipeline p = conn.pipeline()) {
                p.execute("INSERT INTO " + T + " (id) VALUES (1)");
                r = p.execute("INSERT INTO " + T + " (id) VALUES (2), (3)");
            }
            assertThat(r.isDone()).isTrue();
            assertThat(r.rowcount()).isEqualTo(2);
            assertThat(conn.isValid(5)).isTrue();
        }
        assertThat(ids()).isEqualTo("1,2,3");
    }

    @Test
    void closingWithAFailureThrowsItAndStillReleasesTheConnection() throws SQLException {
        try (YsqlConnection conn = connect()) {
            Pipeline p = conn.pipeline();
            p.execute("INSERT INTO " + T + " (id) VALUES (1)");
            p.execute("SELECT 1 / 0");
            assertThatThrownBy(p::close).isInstanceOf(DivisionByZero.class);
            assertThat(p.isClosed()).isTrue();
            assertThatThrownBy(() -> p.execute("SELECT 1")).hasMessageContaining("the pipeline is closed");
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 42")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(ids()).isEmpty();
    }

    @Test
    void readingAResultBeforeTheSyncSyncs() throws SQLException {
        try (YsqlConnection conn = connect(); Pipeline p = conn.pipeline()) {
            PipelineResult a = p.execute("INSERT INTO " + T + " (id) VALUES (1)");
            PipelineResult b = p.execute("SELECT count(*) FROM " + T);
            assertThat(b.first().get(0)).isEqualTo(1L);
            assertThat(a.isDone()).isTrue();
            assertThat(p.queued()).isZero();
        }
    }

    @Test
    void anotherStatementOfTheSameThreadSyncsThePipelineFirst() throws SQLException {
        try (YsqlConnection conn = connect(); Pipeline p = conn.pipeline(); Cursor cur = conn.cursor()) {
            PipelineResult a = p.execute("INSERT INTO " + T + " (id) VALUES (1)");
            cur.execute("SELECT count(*) FROM " + T);
            assertThat(cur.fetchone().get(0)).isEqualTo(1L);
            assertThat(a.isDone()).isTrue();
            p.execute("INSERT INTO " + T + " (id) VALUES (2)");
            try (Pipeline other = conn.pipeline()) { // a second pipeline of this thread syncs the first too
                other.execute("INSERT INTO " + T + " (id) VALUES (3)");
            }
            assertThat(p.queued()).isZero();
        }
        assertThat(ids()).isEqualTo("1,2,3");
    }

    @Test
    void closingTheConnectionFromThePipelinesThreadSyncsItFirst() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            YsqlConnection conn = connect();
            Pipeline p = conn.pipeline();
            PipelineResult r = p.execute("INSERT INTO " + T + " (id) VALUES (1)");
            assertThat(conn.isValid(5)).isTrue(); // a ping of this thread syncs the pipeline first
            assertThat(r.isDone()).isTrue();
            p.execute("INSERT INTO " + T + " (id) VALUES (2)");
            conn.close();
            p.close();
            assertThat(p.queued()).isZero();
        });
        assertThat(ids()).isEqualTo("1,2");
    }

    @Test
    void withAutocommitOffThePipelineRunsInTheConnectionsTransaction() throws SQLException {
        try (YsqlConnection conn = connect()) {
            conn.setAutoCommit(false);
            try (Pipeline p = conn.pipeline()) {
                p.execute("INSERT INTO " + T + " (id) VALUES (1)");
                p.sync();
                p.execute("INSERT INTO " + T + " (id) VALUES (2)");
            }
            assertThat(ids()).isEmpty(); // not committed yet
            conn.rollback();
            try (Pipeline p = conn.pipeline()) {
                p.execute("INSERT INTO " + T + " (id) VALUES (3)");
                p.execute("SELECT 1 / 0");
                assertThatThrownBy(p::sync).isInstanceOf(DivisionByZero.class);
                PipelineResult r = p.execute("SELECT 1");
                assertThatThrownBy(p::sync).isInstanceOf(InFailedSqlTransaction.class); // the server's own 25P02
                assertThat((Throwable) r.error()).hasMessageContaining("current transaction is aborted");
            }
            conn.rollback();
            try (Pipeline p = conn.pipeline()) {
                p.execute("INSERT INTO " + T + " (id) VALUES (4)");
            }
            conn.commit();
        }
        assertThat(ids()).isEqualTo("4");
    }

    @Test
    void repeatedStatementsUseTheStatementCache() throws SQLException {
        try (YsqlConnection conn = connect(); Pipeline p = conn.pipeline()) {
            for (int round = 0; round < 4; round++) {
                List<PipelineResult> rs = new ArrayList<>();
                for (int i = 0; i < 5; i++) rs.add(p.execute("SELECT %s::int + 1 AS n", i));
                p.sync();
                for (int i = 0; i < 5; i++) assertThat(rs.get(i).first().get("n")).isEqualTo(i + 1);
            }
            try (Cursor cur = conn.cursor()) {
                cur.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement = %s", "SELECT $1::int + 1 AS n");
                assertThat(cur.fetchone().get(0)).isEqualTo(1L);
            }
        }
    }

    @Test
    void reachableFromJdbcByUnwrapping() throws SQLException {
        try (Connection conn = DriverManager.getConnection(cluster.jdbcUrl(), cluster.superuser(),
                cluster.superuserPassword());
             Pipeline p = conn.unwrap(YsqlConnection.class).pipeline()) {
            PipelineResult r = p.execute("SELECT 'via jdbc'");
            p.sync();
            assertThat(r.first().get(0)).isEqualTo("via jdbc");
        }
    }

    @Test
    void tenThousandStatementsWithLargeResultsInOneSyncComplete() {
        int n = 10_000;
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (YsqlConnection conn = connect(); Pipeline p = conn.pipeline()) {
                List<PipelineResult> rs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    rs.add(i % 2 == 0
                            ? p.execute("INSERT INTO " + T + " (id, name) VALUES (%s, repeat('x', 1000))", i)
                            : p.execute("SELECT %s::int, repeat('y', 2000)", i)); // ~20 MB of answers
                }
                p.sync();
                for (int i = 1; i < n; i += 2) assertThat(rs.get(i).first().get(0)).isEqualTo(i);
                assertThat(rs.get(0).rowcount()).isEqualTo(1);
            }
        });
        assertThat(cluster.psql("SELECT count(*), sum(length(name)) FROM " + T)).isEqualTo(n / 2 + "|" + n / 2 * 1000L);
    }
}
