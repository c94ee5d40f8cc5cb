package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

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
    void readOnlyRefusesWrites() throws SQLException {
        conn.setReadOnly(true);
        assertThat(conn.isReadOnly()).isTrue();
        SQLException e = TestServer.thrown(SQLException.class, () -> insert(conn, 1));
        assertThat(e.getSQLState()).isEqualTo("25006");
        conn.setReadOnly(false);
        insert(conn, 1);
        assertThat(ids(observer)).containsExactly(1);
    }
}
