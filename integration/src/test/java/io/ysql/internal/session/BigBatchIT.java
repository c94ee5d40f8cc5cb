package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Cursor;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.JdbcConnection;
import io.ysql.testkit.PgCluster;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batches far larger than the socket buffers complete: the session writes a large request on a
 * separate thread while the caller reads the answers, so neither side can block the other. Each
 * test is guarded by a generous timeout that only catches a deadlock.
 */
class BigBatchIT {
    private static final String SCHEMA = "big_batch_it";
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static PgCluster cluster;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                + "; CREATE TABLE " + SCHEMA + ".jdbc_rows (id int, pad text)"
                + "; CREATE TABLE " + SCHEMA + ".cursor_rows (id int, pad text)");
    }

    /** addBatch a million times, one executeBatch: about 40 MB out, a million CommandCompletes back. */
    @Test
    void aPreparedStatementBatchOfAMillionRowsCompletes() {
        int rows = 1_000_000;
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Connection conn = DriverManager.getConnection(cluster.jdbcUrl(), cluster.superuser(), cluster.superuserPassword());
                 PreparedStatement ps = conn.prepareStatement("INSERT INTO " + SCHEMA + ".jdbc_rows VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, pad(i, 12));
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertThat(counts).hasSize(rows).containsOnly(1);
                assertThat(conn.isValid(5)).isTrue();
            }
        });
        assertThat(cluster.psql("SELECT count(*), count(DISTINCT id), min(length(pad)), max(length(pad)), "
                + "bool_and(pad = lpad(id::text, 12, '.')) FROM " + SCHEMA + ".jdbc_rows"))
                .isEqualTo(rows + "|" + rows + "|12|12|t");
    }

    @Test
    void aCursorExecutemanyOf100000RowsCompletes() {
        int rows = 100_000;
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
                 Cursor cur = conn.cursor()) {
                List<Object[]> sets = new AbstractList<>() {
                    @Override public Object[] get(int i) { return new Object[] {i, pad(i)}; }
                    @Override public int size() { return rows; }
                };
                cur.executemany("INSERT INTO " + SCHEMA + ".cursor_rows VALUES (%s, %s)", sets);
                assertThat(cur.rowcount()).isEqualTo(rows);
                cur.execute("SELECT count(*), count(DISTINCT id), sum(length(pad)) FROM " + SCHEMA + ".cursor_rows");
                assertThat(cur.fetchone().values()).containsExactly((long) rows, (long) rows, 100L * rows);
            }
        });
    }

    /** 50,000 executions each answering a row of about 200 bytes: about 2 MB out and 13 MB back. */
    @Test
    void aSessionBatchWhoseEveryExecutionReturnsARowCompletes() {
        int executions = 50_000;
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()))) {
                Session session = ((JdbcConnection) conn).session();
                List<Bindings> batch = new ArrayList<>(executions);
                for (int i = 0; i < executions; i++) batch.add(int4(i));
                BatchOutcome outcome = session.executeBatch("SELECT $1::int, repeat('y', 200)", batch, null);
                assertThat(outcome.succeeded()).as("batch failure: %s", outcome.failure()).isTrue();
                assertThat(outcome.results()).hasSize(executions)
                        .allSatisfy(r -> assertThat(r.commandTag()).isEqualTo("SELECT 1"));
                assertThat(session.isClosed()).isFalse();
                QueryResult after = session.execute("SELECT 1", Bindings.NONE, 0, null);
                assertThat(after.rows().size()).isEqualTo(1);
            }
        });
    }

    /** The same through JDBC: a batch of SELECTs completes and leaves the connection usable. */
    @Test
    void aJdbcBatchOfSelectsCompletes() {
        int executions = 50_000;
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Connection conn = DriverManager.getConnection(cluster.jdbcUrl(), cluster.superuser(), cluster.superuserPassword());
                 PreparedStatement ps = conn.prepareStatement("SELECT ?::int")) {
                for (int i = 0; i < executions; i++) {
                    ps.setInt(1, i);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertThat(counts).hasSize(executions);
                try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 42")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                }
            }
        });
    }

    /**
     * A request just under the size the session writes inline, whose executions each answer far
     * more than they ask: the answers exceed every socket buffer long before the request is sent.
     */
    @Test
    void aSmallRequestWithLargeAnswersCompletes() {
        int executions = Session.INLINE_WRITE_LIMIT / 48;
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()))) {
                Session session = ((JdbcConnection) conn).session();
                List<Bindings> batch = new ArrayList<>(executions);
                for (int i = 0; i < executions; i++) batch.add(int4(i));
                BatchOutcome outcome = session.executeBatch("SELECT $1::int, repeat('z', 16000)", batch, null);
                assertThat(outcome.succeeded()).as("batch failure: %s", outcome.failure()).isTrue();
                assertThat(outcome.results()).hasSize(executions);
                assertThat(session.isClosed()).isFalse();
            }
        });
    }

    private static Bindings int4(int v) {
        return new Bindings(new int[] {23}, new short[] {1}, new byte[][] {ByteBuffer.allocate(4).putInt(v).array()});
    }

    private static String pad(int i) {
        return pad(i, 100);
    }

    private static String pad(int i, int width) {
        String digits = Integer.toString(i);
        return ".".repeat(width - digits.length()) + digits;
    }

}
