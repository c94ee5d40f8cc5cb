package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shared connection while one of its threads runs a long query: requests from other threads
 * queue behind it on the one session and are answered in the order they were written (a server
 * sequence numbers them as the server runs them), and {@code isValid} does not wait past its
 * timeout. What {@code isValid} does: it queues an empty query behind the running one and waits
 * for its answer until the timeout, so a connection busy for longer than the timeout is reported
 * not valid, while staying perfectly usable; the late answer is consumed by the next reader.
 */
class BusyConnectionIT {
    private static final String SCHEMA = "busy_connection_it";
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static PgCluster cluster;
    private YsqlConnection conn;
    private YsqlConnection observer;
    private ExecutorService threads;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA);
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
        observer = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        conn.close();
        observer.close();
    }

    @Test
    void requestsFromManyThreadsQueueBehindALongQueryAndCompleteInOrder() {
        int singles = 14;
        int perSingle = 40;
        int batchThreads = 2;
        int perBatch = 5_000;
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Cursor setup = conn.cursor()) {
                setup.execute("CREATE SEQUENCE " + SCHEMA + ".seq");
                setup.execute("CREATE TABLE " + SCHEMA + ".log (seq bigint, thread int, i int)");
            }
            Future<long[]> slow = threads.submit(() -> {
                try (Cursor cur = conn.cursor()) {
                    cur.execute("SELECT nextval('" + SCHEMA + ".seq'), pg_sleep(0.5)");
                    return new long[] {(Long) cur.fetchone().get(0)};
                }
            });
            awaitRunning(conn.backendProcessId(), "pg_sleep(0.5)");

            List<Future<long[]>> pipelined = new ArrayList<>();
            for (int t = 0; t < singles; t++) pipelined.add(threads.submit(singleRequests(t, perSingle)));
            for (int t = singles; t < singles + batchThreads; t++) pipelined.add(threads.submit(batchRequest(t, perBatch)));

            long slowSeq = slow.get()[0];
            assertThat(slowSeq).isEqualTo(1);
            for (int t = 0; t < singles; t++) {
                long[] seqs = pipelined.get(t).get();
                assertThat(seqs).as("sequence numbers of thread %d", t).hasSize(perSingle).isSorted().doesNotHaveDuplicates();
                assertThat(seqs[0]).isGreaterThan(slowSeq);
            }
            for (int t = singles; t < singles + batchThreads; t++) assertThat(pipelined.get(t).get()).containsExactly(perBatch);

            try (Cursor cur = conn.cursor()) {
                cur.execute("SELECT thread, bool_and(ordered), count(*), min(seq) FROM (SELECT thread, seq, "
                        + "seq > coalesce(lag(seq) OVER (PARTITION BY thread ORDER BY i), 0) AS ordered FROM "
                        + SCHEMA + ".log) s GROUP BY thread ORDER BY thread");
                List<String> perThread = new ArrayList<>();
                for (Row r : cur.fetchall()) {
                    assertThat((Long) r.get(3)).isGreaterThan(slowSeq);
                    perThread.add(r.get(0) + ":" + r.get(1) + ":" + r.get(2));
                }
                assertThat(perThread).containsExactly(singles + ":true:" + perBatch, (singles + 1) + ":true:" + perBatch);
                cur.execute("SELECT last_value FROM " + SCHEMA + ".seq");
                assertThat(cur.fetchone().get(0)).isEqualTo(1L + (long) singles * perSingle + (long) batchThreads * perBatch);
            }
            assertThat(conn.isValid(5)).isTrue();
        });
    }

    @Test
    void isValidWithATimeoutReturnsFalseWhileALongerQueryRunsAndBreaksNothing() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Future<Object> sleeper = threads.submit(() -> {
                try (Cursor cur = conn.cursor()) {
                    cur.execute("SELECT pg_sleep(2), %s::text", "slept");
                    return cur.fetchone().get(1);
                }
            });
            awaitRunning(conn.backendProcessId(), "pg_sleep(2)");

            // Returning false proves isValid gave up before the 2 s sleep ended; the bound catches a hang.
            boolean valid = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> conn.isValid(1));
            assertThat(valid).isFalse();
            assertThat(conn.isClosed()).isFalse();

            assertThat(sleeper.get()).isEqualTo("slept");
            assertThat(conn.isValid(1)).isTrue();
            try (Cursor cur = conn.cursor()) {
                cur.execute("SELECT %s::int + 1", 41);
                assertThat(cur.fetchone().get(0)).isEqualTo(42);
            }
        });
    }

    @Test
    void isValidWithoutATimeoutWaitsForTheQueryAhead() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Future<Object> sleeper = threads.submit(() -> {
                try (Cursor cur = conn.cursor()) {
                    cur.execute("SELECT pg_sleep(0.5), 'done'");
                    return cur.fetchone().get(1);
                }
            });
            awaitRunning(conn.backendProcessId(), "pg_sleep(0.5)");
            assertThat(conn.isValid(0)).isTrue();
            assertThat(sleeper.get()).isEqualTo("done");
        });
    }

    /**
     * A request larger than the socket buffers is written by the session's writer thread, which
     * holds the write permit until the server has read it all (here about eight seconds, as each
     * execution sleeps). {@code isValid(1)} must still give up after about a second.
     */
    @Test
    void isValidWithATimeoutReturnsInTimeWhileAnotherThreadWritesALargeRequest() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            String big = "x".repeat(256 * 1024);
            List<Object[]> sets = new ArrayList<>();
            for (int i = 0; i < 200; i++) sets.add(new Object[] {big});
            Future<Long> writer = threads.submit(() -> {
                try (Cursor cur = conn.cursor()) {
                    cur.executemany("SELECT length(%s::text), pg_sleep(0.04)", sets);
                    return cur.rowcount();
                }
            });
            awaitRunning(conn.backendProcessId(), "pg_sleep(0.04)");

            boolean valid = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> conn.isValid(1));
            assertThat(valid).isFalse();
            assertThat(writer.get()).isEqualTo(200L);
            assertThat(conn.isValid(1)).isTrue();
        });
    }

    /** Forty cursor or prepared queries, one after the other, each numbered by the sequence. */
    private Callable<long[]> singleRequests(int thread, int count) {
        return () -> {
            long[] seqs = new long[count];
            try (Cursor cur = conn.cursor();
                 PreparedStatement ps = conn.prepareStatement("SELECT nextval('" + SCHEMA + ".seq'), ?::text")) {
                for (int i = 0; i < count; i++) {
                    String echo = thread + "/" + i;
                    if (i % 2 == 0) {
                        cur.execute("SELECT nextval('" + SCHEMA + ".seq'), %s::text", echo);
                        Row row = cur.fetchone();
                        assertThat(row.get(1)).isEqualTo(echo);
                        seqs[i] = (Long) row.get(0);
                    } else {
                        ps.setString(1, echo);
                        try (ResultSet rs = ps.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString(2)).isEqualTo(echo);
                            seqs[i] = rs.getLong(1);
                        }
                    }
                }
            }
            return seqs;
        };
    }

    /** One executemany large enough to be written by the session's writer thread. */
    private Callable<long[]> batchRequest(int thread, int count) {
        return () -> {
            List<Object[]> sets = new ArrayList<>(count);
            for (int i = 0; i < count; i++) sets.add(new Object[] {thread, i});
            try (Cursor cur = conn.cursor()) {
                cur.executemany("INSERT INTO " + SCHEMA + ".log VALUES (nextval('" + SCHEMA + ".seq'), %s, %s)", sets);
                return new long[] {cur.rowcount()};
            }
        };
    }

    /** Waits until the backend {@code pid} is running a statement that contains {@code fragment}. */
    private void awaitRunning(int pid, String fragment) throws SQLException, InterruptedException {
        try (PreparedStatement ps = observer.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND state = 'active' AND strpos(query, ?) > 0")) {
            ps.setInt(1, pid);
            ps.setString(2, fragment);
            for (int attempt = 0; attempt < 1000; attempt++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 1) return;
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("backend " + pid + " never ran " + fragment);
    }
}
