package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.YsqlConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transactions through JDBC: autocommit by default; rollback and commit with autocommit off, as
 * seen from a second connection; a failed transaction cannot be committed and is rolled back;
 * commit and rollback need autocommit off; savepoints; isolation level and read-only mode.
 */
class TransactionsIT {
    private static final String TABLE = "tx_items";

    private Connection conn;
    private Connection observer;

    @BeforeAll
    static void createTable() throws SQLException {
        TestServer.run("CREATE TABLE IF NOT EXISTS " + TABLE + " (id int PRIMARY KEY, label text)");
    }

    @AfterAll
    static void dropTable() throws SQLException {
        TestServer.run("DROP TABLE IF EXISTS " + TABLE);
    }

    @BeforeEach
    void open() throws SQLException {
        TestServer.run("TRUNCATE " + TABLE);
        conn = TestServer.connect();
        observer = TestServer.connect();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
        observer.close();
    }

    private static List<Integer> ids(Connection c) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM " + TABLE + " ORDER BY id")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    private void insert(Connection c, int id) throws SQLException {
        try (Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("INSERT INTO " + TABLE + " VALUES (" + id + ", 'x')")).isEqualTo(1);
        }
    }

    @Test
    void autocommitIsOnByDefault() throws SQLException {
        assertThat(conn.getAutoCommit()).isTrue();
        insert(conn, 1);
        assertThat(ids(observer)).containsExactly(1);
    }

    @Test
    void rollbackDiscardsTheTransaction() throws SQLException {
        conn.setAutoCommit(false);
        assertThat(conn.getAutoCommit()).isFalse();
        insert(conn, 1);
        insert(conn, 2);
        assertThat(ids(conn)).containsExactly(1, 2);
        assertThat(ids(observer)).as("uncommitted rows are invisible to others").isEmpty();
        conn.rollback();
        assertThat(ids(conn)).isEmpty();
        assertThat(ids(observer)).isEmpty();
    }

    @Test
    void commitKeepsTheTransaction() throws SQLException {
        conn.setAutoCommit(false);
        insert(conn, 1);
        conn.commit();
        assertThat(ids(observer)).containsExactly(1);
        insert(conn, 2);
        conn.rollback();
        assertThat(ids(observer)).containsExactly(1);
        assertThat(ids(conn)).containsExactly(1);
    }

    @Test
    void commitOrRollbackWithNothingDoneIsFine() throws SQLException {
        conn.setAutoCommit(false);
        conn.commit();
        conn.rollback();
        insert(conn, 3);
        conn.commit();
        assertThat(ids(observer)).containsExactly(3);
    }

    @Test
    void aFailedTransactionCannotBeCommitted() throws SQLException {
        conn.setAutoCommit(false);
        insert(conn, 1);
        SQLException dup = TestServer.thrown(SQLException.class, () -> insert(conn, 1));
        assertThat(dup.getSQLState()).isEqualTo("23505");

        SQLException aborted = TestServer.thrown(SQLException.class, () -> ids(conn));
        assertThat(aborted.getSQLState()).isEqualTo("25P02");

        SQLTransactionRollbackException e = TestServer.thrown(SQLTransactionRollbackException.class, conn::commit);
        assertThat(e.getSQLState()).startsWith("40");
        assertThat(ids(conn)).as("the server rolled the transaction back").isEmpty();
        assertThat(ids(observer)).isEmpty();

        insert(conn, 2);
        conn.commit();
        assertThat(ids(observer)).containsExactly(2);
    }

    @Test
    void commitAndRollbackNeedAutocommitOff() throws SQLException {
        SQLException commit = TestServer.thrown(SQLException.class, conn::commit);
        assertThat(commit.getSQLState()).isEqualTo("25P01");
        assertThat(commit.getMessage()).contains("autocommit");
        SQLException rollback = TestServer.thrown(SQLException.class, conn::rollback);
        assertThat(rollback.getSQLState()).isEqualTo("25P01");
        SQLException savepoint = TestServer.thrown(SQLException.class, conn::setSavepoint);
        assertThat(savepoint.getSQLState()).isEqualTo("25P01");
    }

    @Test
    void turningAutocommitBackOnCommits() throws SQLException {
        conn.setAutoCommit(false);
        insert(conn, 7);
        assertThat(ids(observer)).isEmpty();
        conn.setAutoCommit(true);
        assertThat(ids(observer)).containsExactly(7);
    }

    @Test
    void savepoints() throws SQLException {
        conn.setAutoCommit(false);
        insert(conn, 1);
        Savepoint unnamed = conn.setSavepoint();
        insert(conn, 2);
        conn.rollback(unnamed);
        assertThat(ids(conn)).containsExactly(1);

        Savepoint named = conn.setSavepoint("before_three");
        assertThat(named.getSavepointName()).isEqualTo("before_three");
        assertThat(unnamed.getSavepointId()).isPositive();
        TestServer.thrown(SQLException.class, named::getSavepointId);
        TestServer.thrown(SQLException.class, unnamed::getSavepointName);
        insert(conn, 3);
        conn.releaseSavepoint(named);
        insert(conn, 4);
        conn.commit();
        assertThat(ids(observer)).containsExactly(1, 3, 4);
    }

    @Test
    void rollingBackToASavepointRecoversFromAnError() throws SQLException {
        conn.setAutoCommit(false);
        insert(conn, 1);
        Savepoint sp = conn.setSavepoint();
        TestServer.thrown(SQLException.class, () -> insert(conn, 1));
        conn.rollback(sp);
        insert(conn, 2);
        conn.commit();
        assertThat(ids(observer)).containsExactly(1, 2);
    }

    @Test
    void aSavepointCanBeTheFirstStatementOfATransaction() throws SQLException {
        conn.setAutoCommit(false);
        Savepoint sp = conn.setSavepoint("first_thing");
        insert(conn, 1);
        conn.rollback(sp);
        insert(conn, 2);
        conn.commit();
        assertThat(ids(observer)).containsExactly(2);
    }

    @Test
    void aReleasedSavepointIsGone() throws SQLException {
        conn.setAutoCommit(false);
        Savepoint sp = conn.setSavepoint("gone");
        conn.releaseSavepoint(sp);
        SQLException e = TestServer.thrown(SQLException.class, () -> conn.rollback(sp));
        assertThat(e.getSQLState()).isEqualTo("3B001");
        conn.rollback();
    }

    @Test
    void isolationLevel() throws SQLException {
        assertThat(conn.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(conn.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SHOW transaction_isolation")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("serializable");
        }
        conn.commit();
        conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertThat(conn.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
    }

    @Test
    void readOnlyInTransactionModeAppliesToTransactionsOnly() throws SQLException {
        conn.setReadOnly(true);
        assertThat(conn.isReadOnly()).isTrue();
        insert(conn, 1); // autocommit: readOnlyMode=transaction leaves single statements alone, as pgjdbc
        conn.setAutoCommit(false);
        SQLException e = TestServer.thrown(SQLException.class, () -> insert(conn, 2));
        assertThat(e.getSQLState()).isEqualTo("25006");
        conn.rollback();
        conn.setReadOnly(false);
        insert(conn, 2);
        conn.commit();
        assertThat(ids(observer)).containsExactly(1, 2);
    }

    @Test
    void readOnlyModeAlwaysAlsoCoversAutocommit() throws SQLException {
        try (Connection always = AutoSaveIT.connect("readOnlyMode", "always", "readOnly", "true")) {
            assertThat(always.isReadOnly()).isTrue();
            assertThat(TestServer.thrown(SQLException.class, () -> insert(always, 1)).getSQLState()).isEqualTo("25006");
            always.setAutoCommit(false);
            assertThat(TestServer.thrown(SQLException.class, () -> insert(always, 1)).getSQLState()).isEqualTo("25006");
            always.rollback();
            always.setAutoCommit(true);
            assertThat(TestServer.thrown(SQLException.class, () -> insert(always, 1)).getSQLState()).isEqualTo("25006");
            always.setReadOnly(false);
            insert(always, 1);
        }
        try (Connection ignore = AutoSaveIT.connect("readOnlyMode", "ignore")) {
            ignore.setReadOnly(true);
            assertThat(ignore.isReadOnly()).isTrue();
            ignore.setAutoCommit(false);
            insert(ignore, 2);
            ignore.commit();
        }
        assertThat(ids(observer)).containsExactly(1, 2);
    }

    @Test
    void characteristicsCannotChangeInsideATransaction() throws SQLException {
        conn.setAutoCommit(false);
        insert(conn, 1);
        SQLException iso = TestServer.thrown(SQLException.class,
                () -> conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
        assertThat(iso.getSQLState()).isEqualTo("25001");
        assertThat(TestServer.thrown(SQLException.class, () -> conn.setReadOnly(true)).getSQLState()).isEqualTo("25001");
        conn.commit();
        conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        conn.setReadOnly(true);
    }

    @Test
    void everyIsolationLevelIsAccepted() throws SQLException {
        for (int level : new int[] {Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
                Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE}) {
            conn.setTransactionIsolation(level);
            // the server decides what a level means (YugabyteDB runs READ UNCOMMITTED as READ COMMITTED)
            assertThat(conn.getTransactionIsolation()).isEqualTo(level);
        }
        assertThat(TestServer.thrown(SQLException.class, () -> conn.setTransactionIsolation(3)).getSQLState())
                .isEqualTo("22023");
    }

    @Test
    void deferrableIsASessionCharacteristic() throws SQLException {
        YsqlConnection y = conn.unwrap(YsqlConnection.class);
        y.deferrable(true);
        assertThat(y.deferrable()).isTrue();
        conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        conn.setReadOnly(true);
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT current_setting('transaction_deferrable'), current_setting('transaction_read_only')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("on");
            assertThat(rs.getString(2)).isEqualTo("on");
        }
        conn.commit();
    }

    @Test
    void updateCountsForEveryCommandTag() throws SQLException {
        try (Statement st = conn.createStatement()) {
            assertThat(st.executeLargeUpdate("INSERT INTO " + TABLE + " SELECT g, 'x' FROM generate_series(1, 5) g"))
                    .isEqualTo(5L);
            assertThat(st.executeUpdate("UPDATE " + TABLE + " SET label = 'y' WHERE id <= 3")).isEqualTo(3);
            assertThat(st.execute("SELECT 1; DELETE FROM " + TABLE + " WHERE id = 5; CREATE TEMP TABLE t_counts (a int)"))
                    .isTrue();
            assertThat(st.getLargeUpdateCount()).isEqualTo(-1L);
            assertThat(st.getMoreResults()).isFalse();
            assertThat(st.getLargeUpdateCount()).isEqualTo(1L);
            assertThat(st.getMoreResults()).isFalse();
            assertThat(st.getUpdateCount()).isZero();
            assertThat(st.getMoreResults()).isFalse();
            assertThat(st.getUpdateCount()).isEqualTo(-1);
            if (TestServer.cluster().majorVersion() >= 15) {
                assertThat(st.executeUpdate("MERGE INTO " + TABLE + " t USING (VALUES (1), (9)) v(id) ON t.id = v.id "
                        + "WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (v.id, 'm')")).isEqualTo(2);
            }
            conn.setAutoCommit(false);
            st.execute("DECLARE c CURSOR FOR SELECT id FROM " + TABLE);
            assertThat(st.executeUpdate("MOVE 2 IN c")).isEqualTo(2);
            assertThat(st.execute("FETCH ALL FROM c")).isTrue();
            conn.commit();
            st.addBatch("INSERT INTO " + TABLE + " VALUES (100, 'b')");
            st.addBatch("DELETE FROM " + TABLE + " WHERE id >= 100");
            assertThat(st.executeLargeBatch()).containsExactly(1L, 1L);
            conn.commit();
        }
    }
}
