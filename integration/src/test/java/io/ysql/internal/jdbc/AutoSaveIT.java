package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code autosave} option: with {@code always} a failed statement inside a transaction is
 * rolled back alone and the transaction goes on; with {@code never} it aborts the transaction;
 * with {@code conservative} a cached statement whose plan went stale is re-run inside the
 * transaction; {@code cleanupSavepoints} releases the savepoints so none pile up.
 */
class AutoSaveIT {
    private static final String TABLE = "autosave_items";

    @BeforeAll
    static void createTable() throws SQLException {
        TestServer.run("CREATE TABLE IF NOT EXISTS " + TABLE + " (id int PRIMARY KEY)");
    }

    @AfterAll
    static void dropTable() throws SQLException {
        TestServer.run("DROP TABLE IF EXISTS " + TABLE);
    }

    @BeforeEach
    void empty() throws SQLException {
        TestServer.run("TRUNCATE " + TABLE);
    }

    static Connection connect(String... options) throws SQLException {
        PgCluster c = TestServer.cluster();
        Properties p = new Properties();
        p.setProperty("user", c.superuser());
        p.setProperty("password", c.superuserPassword());
        for (int i = 0; i < options.length; i += 2) p.setProperty(options[i], options[i + 1]);
        return DriverManager.getConnection(c.jdbcUrl(), p);
    }

    private static List<Integer> ids(Connection c) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM " + TABLE + " ORDER BY id")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    private static void insert(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?)")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        }
    }

    @Test
    void alwaysKeepsTheTransactionAliveAfterAFailedStatement() throws SQLException {
        try (Connection conn = connect("autosave", "always"); Connection observer = TestServer.connect()) {
            conn.setAutoCommit(false);
            insert(conn, 1);
            SQLException dup = TestServer.thrown(SQLException.class, () -> insert(conn, 1));
            assertThat(dup.getSQLState()).isEqualTo("23505");
            SQLException syntax = TestServer.thrown(SQLException.class, () -> conn.createStatement().execute("SELEC 1"));
            assertThat(syntax.getSQLState()).isEqualTo("42601");
            insert(conn, 2);
            assertThat(ids(conn)).containsExactly(1, 2);
            assertThat(ids(observer)).as("still one uncommitted transaction").isEmpty();
            conn.commit();
            assertThat(ids(observer)).containsExactly(1, 2);
        }
    }

    @Test
    void alwaysWorksForBatchesAndMultiStatementStrings() throws SQLException {
        try (Connection conn = connect("autosave", "always")) {
            conn.setAutoCommit(false);
            insert(conn, 1);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + TABLE + " VALUES (?)")) {
                ps.setInt(1, 2);
                ps.addBatch();
                ps.setInt(1, 1);
                ps.addBatch();
                TestServer.thrown(SQLException.class, ps::executeBatch);
            }
            try (Statement st = conn.createStatement()) {
                assertThat(st.execute("SELECT 1; SELECT 2")).isTrue();
                assertThat(st.getMoreResults()).isTrue();
                ResultSet rs = st.getResultSet();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(st.getMoreResults()).isFalse();
                assertThat(st.getUpdateCount()).isEqualTo(-1);
            }
            assertThat(ids(conn)).as("the failed batch was undone as a whole").containsExactly(1);
            conn.commit();
        }
    }

    @Test
    void aFailedBatchReportsTheSameCountsWithOrWithoutAutosave() throws SQLException {
        for (String[] options : new String[][] {{"autosave", "never"}, {"autosave", "always"},
                {"autosave", "always", "cleanupSavepoints", "true"}}) {
            try (Connection conn = connect(options)) {
                conn.setAutoCommit(false);
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + TABLE + " VALUES (?)")) {
                    for (int id : new int[] {1, 2, 2, 3}) {
                        ps.setInt(1, id);
                        ps.addBatch();
                    }
                    java.sql.BatchUpdateException e = TestServer.thrown(java.sql.BatchUpdateException.class, ps::executeBatch);
                    assertThat(e.getUpdateCounts()).as(String.join(" ", options)).containsExactly(1, 1);
                }
                conn.rollback();
                try (Statement st = conn.createStatement()) {
                    java.sql.BatchUpdateException e = TestServer.thrown(java.sql.BatchUpdateException.class, () -> {
                        st.addBatch("INSERT INTO " + TABLE + " VALUES (10)");
                        st.addBatch("INSERT INTO " + TABLE + " VALUES (10)");
                        st.executeBatch();
                    });
                    assertThat(e.getUpdateCounts()).as(String.join(" ", options)).containsExactly(1);
                }
                conn.rollback();
            }
        }
    }

    @Test
    void neverLeavesTheTransactionAborted() throws SQLException {
        try (Connection conn = connect("autosave", "never")) {
            conn.setAutoCommit(false);
            insert(conn, 1);
            TestServer.thrown(SQLException.class, () -> insert(conn, 1));
            SQLException aborted = TestServer.thrown(SQLException.class, () -> insert(conn, 2));
            assertThat(aborted.getSQLState()).isEqualTo("25P02");
            conn.rollback();
        }
    }

    @Test
    void userSavepointsStillWorkUnderAutosave() throws SQLException {
        try (Connection conn = connect("autosave", "always", "cleanupSavepoints", "true")) {
            conn.setAutoCommit(false);
            var sp = conn.setSavepoint("mine");
            insert(conn, 1);
            insert(conn, 2);
            conn.rollback(sp);
            insert(conn, 3);
            conn.releaseSavepoint(sp);
            conn.commit();
            assertThat(ids(conn)).containsExactly(3);
        }
    }

    @Test
    void cleanupSavepointsReleasesThemSoTheyDoNotPileUp() throws SQLException {
        for (boolean cleanup : new boolean[] {true, false}) {
            try (Connection conn = connect("autosave", "always", "cleanupSavepoints", String.valueOf(cleanup))) {
                conn.setAutoCommit(false);
                insert(conn, 1);
                insert(conn, 2);
                TestServer.thrown(SQLException.class, () -> insert(conn, 2));
                // ROLLBACK TO SAVEPOINT finds one only while an automatic savepoint is still held
                Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                        () -> conn.createStatement().execute("ROLLBACK TO SAVEPOINT ysql_autosave"));
                if (cleanup) assertThat(t).isInstanceOf(SQLException.class).hasMessageContaining("ysql_autosave");
                else assertThat(t).isNull();
                conn.rollback();
            }
        }
    }

    @Test
    void alwaysKeepsTheTransactionAliveWhenAStreamedQueryFailsAtOpen() throws SQLException {
        transactionGoesOnAfter(conn -> {
            for (String sql : new String[] {"SELECT 1 / (i - 1) FROM generate_series(1, 1000) i",
                    "SELECT * FROM autosave_no_such_table"}) {
                try (Statement st = conn.createStatement()) {
                    st.setFetchSize(100);
                    SQLException e = TestServer.thrown(SQLException.class, () -> st.executeQuery(sql));
                    assertThat(e.getSQLState()).as(sql).isIn("22012", "42P01");
                }
            }
            return null;
        });
    }

    @Test
    void alwaysKeepsTheTransactionAliveWhenAStreamedQueryFailsMidStream() throws SQLException {
        transactionGoesOnAfter(conn -> assertThat(rowsBeforeDivisionByZero(conn))
                .as("rows read before row 5,000 failed").isBetween(4_900, 4_999));
    }

    /**
     * With autosave=always and either cleanupSavepoints, inserts 1, runs {@code failing} (which
     * meets a failure), inserts 2 and commits: both rows are there.
     */
    private static void transactionGoesOnAfter(io.ysql.SQLFunction<Connection, ?> failing) throws SQLException {
        for (String cleanup : new String[] {"false", "true"}) {
            try (Connection conn = connect("autosave", "always", "cleanupSavepoints", cleanup);
                 Connection observer = TestServer.connect()) {
                conn.setAutoCommit(false);
                insert(conn, 1);
                failing.apply(conn);
                insert(conn, 2);
                assertThat(ids(conn)).containsExactly(1, 2);
                assertThat(ids(observer)).as("still one uncommitted transaction").isEmpty();
                conn.commit();
                assertThat(ids(observer)).as("cleanupSavepoints=" + cleanup).containsExactly(1, 2);
            }
            TestServer.run("TRUNCATE " + TABLE);
        }
    }

    @Test
    void aStreamedQueryThatFailsMidStreamKeepsTheStatementsRunMeanwhile() throws SQLException {
        try (Connection conn = connect("autosave", "always")) {
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                st.setFetchSize(100);
                ResultSet rs = st.executeQuery("SELECT i, 1 / (i - 250) FROM generate_series(1, 1000) i");
                assertThat(rs.next()).isTrue();
                insert(conn, 1); // runs while the portal is open, between two of its chunks
                SQLException e = TestServer.thrown(SQLException.class, () -> {
                    while (rs.next()) {
                        // read on to row 250
                    }
                });
                assertThat(e.getSQLState()).isEqualTo("22012");
            }
            insert(conn, 2);
            conn.commit();
            assertThat(ids(conn)).as("only the failed chunk was rolled back").containsExactly(1, 2);
        }
    }

    @Test
    void withoutAutosaveAStreamedQueryThatFailsMidStreamAbortsTheTransaction() throws SQLException {
        try (Connection conn = connect("autosave", "never")) {
            conn.setAutoCommit(false);
            insert(conn, 1);
            assertThat(rowsBeforeDivisionByZero(conn)).isBetween(4_900, 4_999);
            SQLException aborted = TestServer.thrown(SQLException.class, () -> insert(conn, 2));
            assertThat(aborted.getSQLState()).isEqualTo("25P02");
            conn.rollback();
        }
    }

    /** Streams a query with fetch size 100 whose row 5,000 divides by zero; returns how many rows came before. */
    private static int rowsBeforeDivisionByZero(Connection conn) throws SQLException {
        int read = 0;
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(100);
            try (ResultSet rs = st.executeQuery("SELECT i, 1 / (i - 5000) FROM generate_series(1, 10000) i")) {
                while (rs.next()) read++;
            }
            throw new AssertionError("the query did not fail; " + read + " rows read");
        } catch (SQLException e) {
            assertThat(e.getSQLState()).isEqualTo("22012");
        }
        return read;
    }

    @Test
    void conservativeReRunsAStatementWhosePlanWentStale() throws SQLException {
        assertThat(runAfterColumnsChanged("conservative", 0)).isEqualTo("x");
        SQLException stale = TestServer.thrown(SQLException.class, () -> runAfterColumnsChanged("never", 0));
        assertThat(stale.getSQLState()).isEqualTo("0A000");
    }

    @Test
    void conservativeReRunsAStreamedQueryWhosePlanWentStale() throws SQLException {
        assertThat(runAfterColumnsChanged("conservative", 10)).isEqualTo("x");
        SQLException stale = TestServer.thrown(SQLException.class, () -> runAfterColumnsChanged("never", 10));
        assertThat(stale.getSQLState()).isEqualTo("0A000");
    }

    /**
     * Runs a cached SELECT * (streamed when {@code fetchSize} is set), adds a column in the same
     * transaction, runs it again and reads the new column.
     */
    private static String runAfterColumnsChanged(String autosave, int fetchSize) throws SQLException {
        TestServer.run("DROP TABLE IF EXISTS autosave_stale");
        TestServer.run("CREATE TABLE autosave_stale (a int)");
        TestServer.run("INSERT INTO autosave_stale VALUES (1)");
        try (Connection conn = connect("autosave", autosave)) {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM autosave_stale")) {
                ps.setFetchSize(fetchSize);
                for (int i = 0; i < 8; i++) {
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                }
                try (Statement st = conn.createStatement()) {
                    st.execute("ALTER TABLE autosave_stale ADD COLUMN b text DEFAULT 'x'");
                }
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
                    String b = rs.getString(2);
                    conn.commit();
                    return b;
                }
            }
        } finally {
            TestServer.run("DROP TABLE IF EXISTS autosave_stale");
        }
    }
}
