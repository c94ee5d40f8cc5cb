package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Statement} against the server: execute, executeQuery and executeUpdate with their
 * results, a multi-statement string walked result by result exactly as JDBC prescribes, the
 * errors for the wrong execute method, maxRows, and batches (including one that fails midway).
 */
class StatementIT {
    private Connection conn;
    private Statement st;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connect();
        st = conn.createStatement();
        st.execute("CREATE TEMP TABLE items (id int PRIMARY KEY, name text)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static List<Integer> ints(ResultSet rs) throws SQLException {
        List<Integer> out = new ArrayList<>();
        while (rs.next()) out.add(rs.getInt(1));
        return out;
    }

    @Test
    void executeReportsWhatTheStatementReturned() throws SQLException {
        assertThat(st.execute("INSERT INTO items VALUES (1, 'a'), (2, 'b')")).isFalse();
        assertThat(st.getUpdateCount()).isEqualTo(2);
        assertThat(st.getResultSet()).isNull();

        assertThat(st.execute("SELECT id FROM items ORDER BY id")).isTrue();
        assertThat(st.getUpdateCount()).isEqualTo(-1);
        assertThat(ints(st.getResultSet())).containsExactly(1, 2);
        assertThat(st.getMoreResults()).isFalse();
        assertThat(st.getUpdateCount()).isEqualTo(-1);
    }

    @Test
    void executeQueryAndExecuteUpdate() throws SQLException {
        assertThat(st.executeUpdate("INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c')")).isEqualTo(3);
        assertThat(st.executeUpdate("UPDATE items SET name = 'z' WHERE id >= 2")).isEqualTo(2);
        assertThat(st.executeUpdate("DELETE FROM items WHERE id = 42")).isZero();
        assertThat(st.executeUpdate("CREATE TEMP TABLE other (x int)")).isZero();
        try (ResultSet rs = st.executeQuery("SELECT name FROM items ORDER BY id")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) names.add(rs.getString(1));
            assertThat(names).containsExactly("a", "z", "z");
            assertThat(rs.getStatement()).isSameAs(st);
        }
        assertThat(st.getUpdateCount()).isEqualTo(-1);
    }

    @Test
    void multiStatementStringIsWalkedPerJdbc() throws SQLException {
        boolean first = st.execute("CREATE TEMP TABLE t(a int); INSERT INTO t VALUES (1),(2); "
                + "SELECT a FROM t ORDER BY a; UPDATE t SET a=a+1");
        // CREATE TABLE
        assertThat(first).isFalse();
        assertThat(st.getResultSet()).isNull();
        assertThat(st.getUpdateCount()).isZero();
        // INSERT
        assertThat(st.getMoreResults()).isFalse();
        assertThat(st.getResultSet()).isNull();
        assertThat(st.getUpdateCount()).isEqualTo(2);
        // SELECT
        assertThat(st.getMoreResults()).isTrue();
        assertThat(st.getUpdateCount()).isEqualTo(-1);
        ResultSet rs = st.getResultSet();
        assertThat(ints(rs)).containsExactly(1, 2);
        // UPDATE, closing the SELECT's result set
        assertThat(st.getMoreResults()).isFalse();
        assertThat(rs.isClosed()).isTrue();
        assertThat(st.getResultSet()).isNull();
        assertThat(st.getUpdateCount()).isEqualTo(2);
        // the end
        assertThat(st.getMoreResults()).isFalse();
        assertThat(st.getUpdateCount()).isEqualTo(-1);
        assertThat(st.getResultSet()).isNull();
        assertThat(st.getMoreResults()).isFalse();
        assertThat(st.getUpdateCount()).isEqualTo(-1);
    }

    @Test
    void keepCurrentResultLeavesTheResultSetOpen() throws SQLException {
        assertThat(st.execute("SELECT 1; SELECT 2")).isTrue();
        ResultSet first = st.getResultSet();
        assertThat(st.getMoreResults(Statement.KEEP_CURRENT_RESULT)).isTrue();
        ResultSet second = st.getResultSet();
        assertThat(first.isClosed()).isFalse();
        assertThat(ints(first)).containsExactly(1);
        assertThat(ints(second)).containsExactly(2);
    }

    @Test
    void executeQueryFindsTheResultSetAfterAnUpdate() throws SQLException {
        try (ResultSet rs = st.executeQuery("INSERT INTO items VALUES (7, 'x'); SELECT id FROM items")) {
            assertThat(ints(rs)).containsExactly(7);
        }
    }

    @Test
    void executeQueryOnANonQueryFails() throws SQLException {
        SQLException e = TestServer.thrown(SQLException.class, () -> st.executeQuery("INSERT INTO items VALUES (1, 'a')"));
        assertThat(e.getMessage()).containsIgnoringCase("no result set");
        // the statement itself ran before the driver saw it returned no rows
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
            assertThat(ints(rs)).containsExactly(1);
        }
    }

    @Test
    void executeUpdateOnAQueryFails() {
        SQLException e = TestServer.thrown(SQLException.class, () -> st.executeUpdate("SELECT 1"));
        assertThat(e.getMessage()).contains("executeQuery");
    }

    @Test
    void maxRowsLimitsTheRowsReturned() throws SQLException {
        st.setMaxRows(3);
        assertThat(st.getMaxRows()).isEqualTo(3);
        try (ResultSet rs = st.executeQuery("SELECT g FROM generate_series(1, 10) g")) {
            assertThat(ints(rs)).containsExactly(1, 2, 3);
        }
        st.setMaxRows(0);
        try (ResultSet rs = st.executeQuery("SELECT g FROM generate_series(1, 10) g")) {
            assertThat(ints(rs)).hasSize(10);
        }
        TestServer.thrown(SQLException.class, () -> st.setMaxRows(-1));
    }

    @Test
    void maxRowsOnAPreparedStatement() throws SQLException {
        try (var ps = conn.prepareStatement("SELECT g FROM generate_series(1, ?) g")) {
            ps.setMaxRows(4);
            ps.setInt(1, 100);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(ints(rs)).containsExactly(1, 2, 3, 4);
            }
        }
    }

    @Test
    void batchOfStatements() throws SQLException {
        st.addBatch("INSERT INTO items VALUES (1, 'a')");
        st.addBatch("INSERT INTO items VALUES (2, 'b'), (3, 'c')");
        st.addBatch("UPDATE items SET name = 'u'");
        st.addBatch("DELETE FROM items WHERE id = 3");
        assertThat(st.executeBatch()).containsExactly(1, 2, 3, 1);
        try (ResultSet rs = st.executeQuery("SELECT id FROM items ORDER BY id")) {
            assertThat(ints(rs)).containsExactly(1, 2);
        }
        assertThat(st.executeBatch()).as("the batch is emptied after executing").isEmpty();
    }

    @Test
    void clearBatchForgetsTheEntries() throws SQLException {
        st.addBatch("INSERT INTO items VALUES (1, 'a')");
        st.clearBatch();
        assertThat(st.executeBatch()).isEmpty();
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
            assertThat(ints(rs)).containsExactly(0);
        }
    }

    private void addBatchFailingAtThirdEntry() throws SQLException {
        st.addBatch("INSERT INTO items VALUES (1, 'a')");
        st.addBatch("INSERT INTO items VALUES (2, 'b')");
        st.addBatch("INSERT INTO items VALUES (1, 'duplicate')");
        st.addBatch("INSERT INTO items VALUES (4, 'd')");
    }

    @Test
    void batchWithAFailingStatement() throws SQLException {
        addBatchFailingAtThirdEntry();

        BatchUpdateException e = TestServer.thrown(BatchUpdateException.class, st::executeBatch);

        assertThat(e.getSQLState()).isEqualTo("23505");
        assertThat(e.getMessage()).contains("batch entry").contains("duplicate key");
        assertThat(e.getCause()).isInstanceOf(SQLIntegrityConstraintViolationException.class);
        // in autocommit mode the batch is one implicit transaction: nothing is kept
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
            assertThat(ints(rs)).containsExactly(0);
        }
    }

    @Test
    void batchWithAFailingStatementReportsTheCountsBeforeIt() throws SQLException {
        addBatchFailingAtThirdEntry();

        BatchUpdateException e = TestServer.thrown(BatchUpdateException.class, st::executeBatch);

        assertThat(e.getUpdateCounts()).containsExactly(1, 1);
        assertThat(e.getMessage()).contains("batch entry 3");
    }

    @Test
    void cancelStopsARunningStatement() throws Exception {
        int pid = conn.unwrap(io.ysql.YsqlConnection.class).backendProcessId();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (Connection observer = TestServer.connect()) {
            Future<SQLException> outcome = runner.submit(
                    () -> TestServer.thrown(SQLException.class, () -> st.execute("SELECT pg_sleep(60)")));
            awaitActive(observer, pid, "pg_sleep(60)");
            st.cancel();
            SQLException e = outcome.get(30, TimeUnit.SECONDS);
            assertThat((Throwable) e).isInstanceOf(SQLTimeoutException.class);
            assertThat(e.getSQLState()).isEqualTo("57014");
            assertThat(e.getMessage()).contains("canceling statement due to user request");
        } finally {
            runner.shutdownNow();
        }
        try (ResultSet rs = st.executeQuery("SELECT 5")) {
            assertThat(ints(rs)).containsExactly(5);
        }
    }

    /** Polls pg_stat_activity until backend {@code pid} is running a query containing {@code text}. */
    private static void awaitActive(Connection observer, int pid, String text) throws SQLException {
        for (int i = 0; i < 10_000; i++) {
            try (Statement s = observer.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT state, query FROM pg_stat_activity WHERE pid = " + pid)) {
                if (rs.next() && "active".equals(rs.getString(1)) && rs.getString(2).contains(text)) return;
            }
        }
        throw new AssertionError("backend " + pid + " never started running " + text);
    }

    @Test
    void queryTimeoutStopsALongStatement() throws SQLException {
        st.setQueryTimeout(1);
        SQLTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> TestServer.thrown(SQLTimeoutException.class, () -> st.execute("SELECT pg_sleep(10)")));
        assertThat(e.getSQLState()).isEqualTo("57014");
    }
}
