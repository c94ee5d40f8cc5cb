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
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads each run 5,000 mixed statements at once, all autocommit statements on one shared
 * connection: prepared point selects whose answers carry the thread's own values, inserts into the
 * thread's own table, and cursor queries. Every answer is checked, and every table's content at
 * the end. A transaction on a connection is state every sharing thread sees (the driver promises
 * pipelining of requests, not isolation of transactions), so each thread runs its transactions
 * with savepoints on a connection of its own, interleaved with the shared work.
 */
class SharedConnectionStressIT {
    private static final String SCHEMA = "shared_connection_stress_it";
    private static final int THREADS = 16;
    private static final int OPERATIONS = 5_000;
    /** Every tenth operation is one transaction on the thread's own connection. */
    private static final int TRANSACTION_EVERY = 10;
    private static final Duration HANG_GUARD = Duration.ofSeconds(180);
    private static PgCluster cluster;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA);
    }

    @Test
    void sixteenThreadsRunFiveThousandMixedStatementsEachOnOneConnection() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            ExecutorService executor = Executors.newFixedThreadPool(THREADS);
            try (YsqlConnection shared = connect(); Cursor setup = shared.cursor()) {
                for (int t = 0; t < THREADS; t++) {
                    setup.execute("CREATE TABLE " + table(t) + " (id int PRIMARY KEY, label text, tx boolean)");
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                try {
                    for (int t = 0; t < THREADS; t++) results.add(executor.submit(worker(shared, t, start)));
                    start.countDown();
                    for (int t = 0; t < THREADS; t++) {
                        assertThat(results.get(t).get()).as("operations done by thread %d", t).isEqualTo(OPERATIONS);
                    }
                } finally {
                    executor.shutdownNow();
                    assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                }
                assertThat(shared.isValid(5)).isTrue();
                for (int t = 0; t < THREADS; t++) checkTable(setup, t);
            }
        });
    }

    /**
     * A thread waiting for the answers to another thread's long query is interrupted: it gets a
     * 57014 SQLException promptly (well before the query ends), the long query still gets its
     * answer, and the connection goes on serving.
     */
    @Test
    void aThreadWaitingForTheSharedConnectionIsInterruptedAndTheConnectionStaysUsable() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try (YsqlConnection shared = connect()) {
                Future<Object> sleeper = executor.submit(() -> {
                    try (Cursor cur = shared.cursor()) {
                        cur.execute("SELECT pg_sleep(3), %s::text", "slept");
                        return cur.fetchone().get(1);
                    }
                });
                awaitRunning(shared.backendProcessId(), "pg_sleep(3)");
                CompletableFuture<SQLException> failure = new CompletableFuture<>();
                Thread waiter = new Thread(() -> {
                    try (Cursor cur = shared.cursor()) {
                        cur.execute("SELECT 1");
                        failure.completeExceptionally(
                                new AssertionError("the query answered although its thread was interrupted"));
                    } catch (SQLException e) {
                        failure.complete(e);
                    }
                }, "interrupted-waiter");
                waiter.start();
                awaitWaiting(waiter);
                waiter.interrupt();
                SQLException e = failure.get(2, TimeUnit.SECONDS);
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat(e.getMessage()).contains("interrupted");
                assertThat(sleeper.isDone()).as("the long query is still running").isFalse();

                assertThat(sleeper.get()).isEqualTo("slept");
                assertThat(shared.isValid(5)).isTrue();
                try (Cursor cur = shared.cursor()) {
                    cur.execute("SELECT %s::int + 1", 41);
                    assertThat(cur.fetchone().get(0)).isEqualTo(42);
                }
            } finally {
                executor.shutdownNow();
            }
        });
    }

    /**
     * A thread waiting to write while another thread's large request is still being written (by
     * the session's writer thread) is interrupted: it gets 57014 saying nothing was sent, and the
     * large request completes.
     */
    @Test
    void aThreadWaitingToWriteIsInterruptedAndItsStatementIsNotSent() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try (YsqlConnection shared = connect()) {
                String big = "x".repeat(256 * 1024);
                List<Object[]> sets = new ArrayList<>();
                for (int i = 0; i < 100; i++) sets.add(new Object[] {big});
                Future<Long> writer = executor.submit(() -> {
                    try (Cursor cur = shared.cursor()) {
                        cur.executemany("SELECT length(%s::text), pg_sleep(0.03)", sets);
                        return cur.rowcount();
                    }
                });
                awaitRunning(shared.backendProcessId(), "pg_sleep(0.03)");
                CompletableFuture<SQLException> failure = new CompletableFuture<>();
                Thread waiter = new Thread(() -> {
                    try (Cursor cur = shared.cursor()) {
                        cur.execute("SELECT 'never sent'");
                        failure.completeExceptionally(new AssertionError("the statement ran although its thread was interrupted"));
                    } catch (SQLException e) {
                        failure.complete(e);
                    }
                }, "interrupted-writer");
                waiter.start();
                awaitWaiting(waiter);
                waiter.interrupt();
                SQLException e = failure.get(2, TimeUnit.SECONDS);
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat(e.getMessage()).contains("not sent");
                assertThat(writer.get()).isEqualTo(100L);
                assertThat(shared.isValid(5)).isTrue();
            } finally {
                executor.shutdownNow();
            }
        });
    }

    private static void awaitWaiting(Thread t) throws InterruptedException {
        for (int attempt = 0; attempt < 2000; attempt++) {
            // waiting for the read lock, in slices (TIMED_WAITING), or for the write permit (WAITING)
            if (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING) return;
            Thread.sleep(2);
        }
        throw new AssertionError("thread " + t.getName() + " never waited for the connection: " + t.getState());
    }

    /** Waits until the backend {@code pid} is running a statement that contains {@code fragment}. */
    private static void awaitRunning(int pid, String fragment) throws SQLException, InterruptedException {
        try (YsqlConnection observer = connect();
             PreparedStatement ps = observer.prepareStatement(
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

    /** What each thread's table must hold: one row per insert, and per transaction the row kept, not the one rolled back. */
    private static void checkTable(Cursor cur, int thread) throws SQLException {
        long inserts = 0;
        long transactions = 0;
        long idSum = 0;
        for (int i = 0; i < OPERATIONS; i++) {
            if (i % TRANSACTION_EVERY == TRANSACTION_EVERY - 1) {
                transactions++;
                idSum += id(thread, i);
            } else if (i % 3 == 1) {
                inserts++;
                idSum += id(thread, i);
            }
        }
        cur.execute("SELECT count(*) FILTER (WHERE NOT tx), count(*) FILTER (WHERE tx), sum(id), "
                + "count(*) FILTER (WHERE label = 't' || %s || '-' || id) FROM " + table(thread), thread);
        assertThat(cur.fetchone().values()).as("table of thread %d", thread)
                .containsExactly(inserts, transactions, idSum, inserts + transactions);
    }

    private static Callable<Integer> worker(YsqlConnection shared, int thread, CountDownLatch start) {
        return () -> {
            start.await();
            int done = 0;
            try (YsqlConnection own = connect();
                 PreparedStatement select = shared.prepareStatement("SELECT ?::int * 2, ?::text || '!'");
                 PreparedStatement insert = shared.prepareStatement("INSERT INTO " + table(thread) + " VALUES (?, ?, false)");
                 Cursor cur = shared.cursor()) {
                own.setAutoCommit(false);
                try (PreparedStatement txInsert = own.prepareStatement("INSERT INTO " + table(thread) + " VALUES (?, ?, true)")) {
                    for (int i = 0; i < OPERATIONS; i++) {
                        int id = id(thread, i);
                        String label = "t" + thread + "-" + id;
                        if (i % TRANSACTION_EVERY == TRANSACTION_EVERY - 1) {
                            transaction(own, txInsert, id, label);
                        } else {
                            switch (i % 3) {
                                case 0 -> pointSelect(select, id, label);
                                case 1 -> insert(insert, id, label);
                                default -> cursorSelect(cur, id, label);
                            }
                        }
                        done++;
                    }
                }
            } catch (SQLException e) {
                throw new AssertionError("thread " + thread + " failed after " + done + " operations: " + e, e);
            }
            return done;
        };
    }

    private static void pointSelect(PreparedStatement select, int id, String label) throws SQLException {
        select.setInt(1, id);
        select.setString(2, label);
        try (ResultSet rs = select.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2 * id);
            assertThat(rs.getString(2)).isEqualTo(label + "!");
            assertThat(rs.next()).isFalse();
        }
    }

    private static void insert(PreparedStatement insert, int id, String label) throws SQLException {
        insert.setInt(1, id);
        insert.setString(2, label);
        assertThat(insert.executeUpdate()).isEqualTo(1);
    }

    private static void cursorSelect(Cursor cur, int id, String label) throws SQLException {
        cur.execute("SELECT %s::bigint + 1 AS next, %s AS label", (long) id, label);
        Row row = cur.fetchone();
        assertThat(row.get("next")).isEqualTo(id + 1L);
        assertThat(row.get("label")).isEqualTo(label);
        assertThat(cur.fetchone()).isNull();
    }

    /** Inserts {@code id}, then under a savepoint a second row that is rolled back, and commits. */
    private static void transaction(YsqlConnection own, PreparedStatement txInsert, int id, String label) throws SQLException {
        txInsert.setInt(1, id);
        txInsert.setString(2, label);
        assertThat(txInsert.executeUpdate()).isEqualTo(1);
        Savepoint sp = own.setSavepoint();
        txInsert.setInt(1, -id - 1);
        txInsert.setString(2, "rolled back");
        assertThat(txInsert.executeUpdate()).isEqualTo(1);
        own.rollback(sp);
        own.commit();
    }

    private static YsqlConnection connect() throws SQLException {
        return Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
    }

    private static int id(int thread, int i) {
        return thread * 100_000 + i;
    }

    private static String table(int thread) {
        return SCHEMA + ".t" + thread;
    }
}
