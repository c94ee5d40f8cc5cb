package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One connection shared by eight threads, each running a few hundred mixed operations at once:
 * prepared selects whose answers carry the thread's own values, inserts into the thread's own
 * table, and cursor queries. Every answer must be the one asked for, no operation may fail, and
 * the connection must stay valid. Runs on platform threads, and on virtual threads when the JVM
 * has them (Java 21+; reached by reflection so that this compiles for Java 17).
 */
class SharedConnectionIT {
    private static final String SCHEMA = "shared_connection_it";
    private static final int THREADS = 8;
    private static final int OPERATIONS = 300;
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static PgCluster cluster;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA);
    }

    @Test
    void eightPlatformThreadsShareOneConnection() {
        assertTimeoutPreemptively(HANG_GUARD, () -> runShared("platform", Executors.newFixedThreadPool(THREADS)));
    }

    @Test
    void eightVirtualThreadsShareOneConnection() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+, this is " + Runtime.version());
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        assertTimeoutPreemptively(HANG_GUARD, () -> runShared("virtual", virtual));
    }

    private static void runShared(String kind, ExecutorService executor) throws Exception {
        try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
             Cursor setup = conn.cursor()) {
            for (int t = 0; t < THREADS; t++) setup.execute("CREATE TABLE " + table(kind, t) + " (id int PRIMARY KEY, label text)");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            try {
                for (int t = 0; t < THREADS; t++) results.add(executor.submit(worker(conn, kind, t, start)));
                start.countDown();
                for (int t = 0; t < THREADS; t++) {
                    assertThat(results.get(t).get()).as("operations completed by thread %d", t).isEqualTo(OPERATIONS);
                }
            } finally {
                executor.shutdownNow();
                assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(conn.isValid(5)).isTrue();
            for (int t = 0; t < THREADS; t++) {
                setup.execute("SELECT count(*), sum(id), count(*) FILTER (WHERE label = 't' || %s || '-' || id) FROM "
                        + table(kind, t), t);
                long inserts = OPERATIONS / 3;
                long idSum = 0;
                for (int i = 1; i < OPERATIONS; i += 3) idSum += id(t, i);
                assertThat(setup.fetchone().values()).as("table of thread %d", t)
                        .containsExactly(inserts, idSum, inserts);
            }
        }
    }

    /** One thread's share: operation {@code i} is a prepared select, an insert or a cursor query, by {@code i % 3}. */
    private static Callable<Integer> worker(YsqlConnection conn, String kind, int thread, CountDownLatch start) {
        return () -> {
            start.await();
            int done = 0;
            try (PreparedStatement select = conn.prepareStatement("SELECT ?::int * 2, ?::text || '!'");
                 PreparedStatement insert = conn.prepareStatement("INSERT INTO " + table(kind, thread) + " VALUES (?, ?)");
                 Cursor cur = conn.cursor()) {
                for (int i = 0; i < OPERATIONS; i++) {
                    int id = id(thread, i);
                    String label = "t" + thread + "-" + id;
                    switch (i % 3) {
                        case 0 -> {
                            select.setInt(1, id);
                            select.setString(2, label);
                            try (ResultSet rs = select.executeQuery()) {
                                assertThat(rs.next()).isTrue();
                                assertThat(rs.getInt(1)).isEqualTo(2 * id);
                                assertThat(rs.getString(2)).isEqualTo(label + "!");
                                assertThat(rs.next()).isFalse();
                            }
                        }
                        case 1 -> {
                            insert.setInt(1, id);
                            insert.setString(2, label);
                            assertThat(insert.executeUpdate()).isEqualTo(1);
                        }
                        default -> {
                            cur.execute("SELECT %s::bigint + 1 AS next, %s AS label", (long) id, label);
                            Row row = cur.fetchone();
                            assertThat(row.get("next")).isEqualTo(id + 1L);
                            assertThat(row.get("label")).isEqualTo(label);
                            assertThat(cur.fetchone()).isNull();
                        }
                    }
                    done++;
                }
            } catch (SQLException e) {
                throw new AssertionError("thread " + thread + " failed after " + done + " operations: " + e, e);
            }
            return done;
        };
    }

    private static int id(int thread, int i) {
        return thread * 100_000 + i;
    }

    private static String table(String kind, int thread) {
        return SCHEMA + "." + kind + "_" + thread;
    }
}
