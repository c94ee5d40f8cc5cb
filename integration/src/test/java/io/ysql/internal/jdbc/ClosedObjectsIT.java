package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Closed connections, statements and result sets: every use fails with 08003 or a message that
 * says the object is closed, closing twice is harmless, closing a connection closes what it made,
 * and {@code isValid} is false on a closed connection and refuses a negative timeout.
 */
class ClosedObjectsIT {

    private static void assertClosedFailure(String what, ThrowingCallable call) {
        SQLException e = TestServer.thrown(SQLException.class, call);
        boolean saysClosed = "08003".equals(e.getSQLState()) || String.valueOf(e.getMessage()).contains("closed");
        assertThat(saysClosed).as("%s on a closed object: %s (%s)", what, e.getMessage(), e.getSQLState()).isTrue();
    }

    @Test
    void everyUseOfAClosedConnectionFails() throws SQLException {
        Connection conn = TestServer.connect();
        conn.close();
        assertThat(conn.isClosed()).isTrue();
        assertThat(conn.isValid(1)).isFalse();
        assertThat(conn.isValid(0)).isFalse();

        List<ThrowingCallable> uses = List.of(
                conn::createStatement,
                () -> conn.prepareStatement("SELECT 1"),
                () -> conn.setAutoCommit(false),
                conn::getAutoCommit,
                conn::commit,
                conn::rollback,
                conn::getMetaData,
                conn::getWarnings,
                conn::setSavepoint,
                () -> conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE),
                conn::getSchema,
                () -> conn.nativeSQL("SELECT 1"),
                conn::isReadOnly);
        for (int i = 0; i < uses.size(); i++) assertClosedFailure("connection use #" + i, uses.get(i));

        SQLException e = TestServer.thrown(SQLException.class, conn::createStatement);
        assertThat(e.getSQLState()).isEqualTo("08003");
        conn.close(); // twice is fine
        assertThat(conn.isClosed()).isTrue();
    }

    @Test
    void everyUseOfAClosedStatementFails() throws SQLException {
        try (Connection conn = TestServer.connect()) {
            Statement st = conn.createStatement();
            st.close();
            assertThat(st.isClosed()).isTrue();
            assertClosedFailure("execute", () -> st.execute("SELECT 1"));
            assertClosedFailure("executeQuery", () -> st.executeQuery("SELECT 1"));
            assertClosedFailure("executeUpdate", () -> st.executeUpdate("SELECT 1"));
            assertClosedFailure("addBatch", () -> st.addBatch("SELECT 1"));
            assertClosedFailure("getResultSet", st::getResultSet);
            assertClosedFailure("getMoreResults", st::getMoreResults);
            assertClosedFailure("setMaxRows", () -> st.setMaxRows(1));
            st.close();

            PreparedStatement ps = conn.prepareStatement("SELECT ?::int");
            ps.close();
            assertClosedFailure("setInt", () -> ps.setInt(1, 1));
            assertClosedFailure("executeQuery", ps::executeQuery);
            assertClosedFailure("addBatch", ps::addBatch);
            ps.close();

            assertThat(conn.isValid(2)).as("closing statements leaves the connection alone").isTrue();
        }
    }

    @Test
    void everyUseOfAClosedResultSetFails() throws SQLException {
        try (Connection conn = TestServer.connect(); Statement st = conn.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT 1 AS one UNION ALL SELECT 2");
            assertThat(rs.next()).isTrue();
            rs.close();
            assertThat(rs.isClosed()).isTrue();
            assertClosedFailure("next", rs::next);
            assertClosedFailure("getInt", () -> rs.getInt(1));
            assertClosedFailure("getString by label", () -> rs.getString("one"));
            assertClosedFailure("getMetaData", rs::getMetaData);
            assertClosedFailure("findColumn", () -> rs.findColumn("one"));
            rs.close();
        }
    }

    @Test
    void closingAStatementClosesItsResultSet() throws SQLException {
        try (Connection conn = TestServer.connect()) {
            Statement st = conn.createStatement();
            ResultSet rs = st.executeQuery("SELECT 1");
            st.close();
            assertThat(rs.isClosed()).isTrue();
            assertClosedFailure("next after statement close", rs::next);
        }
    }

    @Test
    void reExecutingAStatementClosesItsPreviousResultSet() throws SQLException {
        try (Connection conn = TestServer.connect(); Statement st = conn.createStatement()) {
            ResultSet first = st.executeQuery("SELECT 1");
            ResultSet second = st.executeQuery("SELECT 2");
            assertThat(first.isClosed()).isTrue();
            assertThat(second.isClosed()).isFalse();
            assertThat(second.next()).isTrue();
            assertThat(second.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void closingAConnectionClosesItsStatementsAndResultSets() throws SQLException {
        Connection conn = TestServer.connect();
        Statement st = conn.createStatement();
        PreparedStatement ps = conn.prepareStatement("SELECT 1");
        ResultSet rs = st.executeQuery("SELECT 1");
        conn.close();
        assertThat(st.isClosed()).isTrue();
        assertThat(ps.isClosed()).isTrue();
        assertThat(rs.isClosed()).isTrue();
        assertClosedFailure("statement after connection close", () -> st.execute("SELECT 1"));
        assertClosedFailure("prepared statement after connection close", ps::execute);
        assertClosedFailure("result set after connection close", rs::next);
    }

    @Test
    void isValidRefusesANegativeTimeout() throws SQLException {
        try (Connection conn = TestServer.connect()) {
            SQLException e = TestServer.thrown(SQLException.class, () -> conn.isValid(-1));
            assertThat(e.getSQLState()).isEqualTo("22023");
            assertThat(e.getMessage()).contains("-1");
            assertThat(conn.isValid(0)).isTrue();
            assertThat(conn.isValid(5)).isTrue();
        }
    }

    @Test
    void abortClosesTheConnection() throws SQLException {
        Connection conn = TestServer.connect();
        conn.abort(Runnable::run);
        assertThat(conn.isClosed()).isTrue();
        assertThat(conn.isValid(1)).isFalse();
        assertClosedFailure("after abort", conn::createStatement);
    }
}
