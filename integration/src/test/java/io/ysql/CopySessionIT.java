package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.RequiresServer;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A COPY has the connection to itself: another thread's statement waits for the end of the copy
 * (interruptibly), the copying thread gets 55000 if it runs another statement meanwhile, a copy
 * in a transaction is undone by a rollback, and a million-row COPY IN streams from a generated
 * input, the server counting rows while the input is still being generated.
 */
class CopySessionIT {
    private YsqlConnection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connectYsql();
        exec("DROP TABLE IF EXISTS copy_session");
        exec("CREATE TABLE copy_session (id int, name text, price numeric, at timestamp)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void anotherThreadsStatementWaitsForTheEndOfTheCopy() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> other;
            Thread[] worker = new Thread[1];
            try (CopyIn in = conn.copyIn("COPY copy_session (id, name) FROM STDIN")) {
                in.writeRow(1, "a");
                other = pool.submit(() -> {
                    worker[0] = Thread.currentThread();
                    return count();
                });
                awaitWaiting(worker);
                in.writeRow(2, "b");
                assertThat(other.isDone()).isFalse();
                assertThat(in.end()).isEqualTo(2);
            }
            assertThat(other.get(60, TimeUnit.SECONDS)).as("the count ran after the copy").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThreadWaitingForACopyCanBeInterrupted() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (CopyIn in = conn.copyIn("COPY copy_session (id, name) FROM STDIN")) {
            Thread[] worker = new Thread[1];
            Future<SQLException> other = pool.submit(() -> {
                worker[0] = Thread.currentThread();
                return TestServer.thrown(SQLException.class, this::count);
            });
            awaitWaiting(worker);
            worker[0].interrupt();
            assertThat(other.get(60, TimeUnit.SECONDS).getSQLState()).isEqualTo("57014");
            in.writeRow(1, "a");
            assertThat(in.end()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void theCopyingThreadGets55000ForAnyOtherStatement() throws SQLException {
        try (CopyIn in = conn.copyIn("COPY copy_session (id, name) FROM STDIN")) {
            in.writeRow(1, "a");
            SQLException e = TestServer.thrown(SQLException.class, this::count);
            assertThat(e.getSQLState()).isEqualTo("55000");
            assertThat(e.getMessage()).contains("a COPY is in progress on this connection: finish or close it first");
            assertThat(TestServer.thrown(SQLException.class, () -> conn.copyIn("COPY copy_session FROM STDIN"))
                    .getSQLState()).isEqualTo("55000");
            in.writeRow(2, "b");
            assertThat(in.end()).isEqualTo(2);
        }
        try (CopyOut out = conn.copyOut("COPY copy_session TO STDOUT")) {
            assertThat(out.readRow()).isNotNull();
            assertThat(TestServer.thrown(SQLException.class, this::count).getSQLState()).isEqualTo("55000");
        }
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void closingTheConnectionDuringACopyDoesNotHang() throws SQLException {
        CopyIn in = conn.copyIn("COPY copy_session (id, name) FROM STDIN");
        in.writeRow(1, "a");
        conn.close();
        assertThat(conn.isClosed()).isTrue();
        assertThat(TestServer.thrown(SQLException.class, in::end).getSQLState()).startsWith("08");
        in.close();
    }

    @Test
    void aCopyInATransactionIsUndoneByRollback() throws SQLException {
        conn.setAutoCommit(false);
        assertThat(conn.copy().copyIn("COPY copy_session (id, name) FROM STDIN", new StringReader("1\ta\n2\tb\n"))).isEqualTo(2);
        try (CopyIn in = conn.copyIn("COPY copy_session (id, name) FROM STDIN (FORMAT binary)")) {
            in.writeRow(3, "c");
            in.end();
        }
        assertThat(count()).isEqualTo(3);
        conn.rollback();
        conn.setAutoCommit(true);
        assertThat(count()).isZero();
    }

    /** The server's count of the rows it has read comes from {@code pg_stat_progress_copy}, which is 14+. */
    @Test
    @RequiresServer(min = 14)
    void aMillionRowCopyInStreamsFromAGeneratedReader() throws Exception {
        int pid = conn.backendProcessId();
        long[] seenByServer = {-1};
        int rows = 1_000_000;
        try (Connection watcher = TestServer.connect()) {
            Reader generated = new GeneratedRows(rows, row -> {
                if (row == rows / 2) seenByServer[0] = progress(watcher, pid);
            });
            long n = conn.copy().copyIn("COPY copy_session FROM STDIN", generated);
            assertThat(n).isEqualTo(rows);
        }
        assertThat(seenByServer[0]).as("rows the server had processed when half the input was generated")
                .isPositive().isLessThan(rows);
        assertThat(count()).isEqualTo(rows);
    }

    private static long progress(Connection watcher, int pid) {
        try (Statement st = watcher.createStatement();
             ResultSet rs = st.executeQuery("SELECT tuples_processed FROM pg_stat_progress_copy WHERE pid = " + pid)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (at most a minute) until the thread in {@code holder} blocks. */
    private static void awaitWaiting(Thread[] holder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            Thread t = holder[0];
            if (t != null && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)) return;
            Thread.sleep(5);
        }
        throw new AssertionError("the other thread never blocked");
    }

    private int count() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM copy_session")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    /** COPY text rows made on the fly, one line at a time: the input never exists as a whole. */
    static final class GeneratedRows extends Reader {
        private final int rows;
        private final java.util.function.IntConsumer onRow;
        private final StringBuilder line = new StringBuilder(64);
        private int row;
        private int pos;

        GeneratedRows(int rows, java.util.function.IntConsumer onRow) {
            this.rows = rows;
            this.onRow = onRow;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            int written = 0;
            while (written < len) {
                if (pos == line.length()) {
                    if (row == rows) break;
                    onRow.accept(row);
                    line.setLength(0);
                    line.append(row).append("\tname ").append(row).append('\t').append(row % 1000).append(".25\t2024-01-01 ")
                            .append(row % 24 / 10).append(row % 24 % 10).append(":00:00\n");
                    row++;
                    pos = 0;
                }
                int n = Math.min(len - written, line.length() - pos);
                line.getChars(pos, pos + n, buf, off + written);
                pos += n;
                written += n;
            }
            return written == 0 ? -1 : written;
        }

        @Override
        public void close() { }
    }
}
