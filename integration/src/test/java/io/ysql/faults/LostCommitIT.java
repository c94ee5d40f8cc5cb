package io.ysql.faults;

import static io.ysql.faults.Faults.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysql.Transaction;
import io.ysql.YsqlConnection;
import io.ysql.testkit.FaultProxy.Direction;
import io.ysql.testkit.ProxiedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connection fails after COMMIT was sent and before its answer came: whether the transaction
 * committed is unknown, so every way to commit, JDBC's {@code commit()} and
 * {@code setAutoCommit(true)} and the cursor API's transaction blocks, raises 08007 and never a
 * plain success or a plain failure. The proxy forwards the COMMIT and swallows the answer, so the
 * server did commit, which a fresh connection sees.
 */
@Timeout(value = Faults.HANG_GUARD_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LostCommitIT {
    private static final String TABLE = "lost_commit_it";

    @RegisterExtension
    static final ProxiedServer server = ProxiedServer.toShared().withTable(TABLE, "id int PRIMARY KEY");

    @Test
    void jdbcCommitWhoseAnswerIsLostRaises08007() throws SQLException {
        YsqlConnection conn = transactionThatInserted(1, "");
        server.proxy().lastLink().loseAnswerTo(ascii("COMMIT"));
        assertResolutionUnknown(conn, catchThrowable(conn::commit));
        assertThat(committed(1)).as("the server committed what the client could not learn about").isTrue();
    }

    @Test
    void autoCommitOnWhoseCommitIsLostRaises08007() throws SQLException {
        YsqlConnection conn = transactionThatInserted(2, "");
        server.proxy().lastLink().loseAnswerTo(ascii("COMMIT"));
        assertResolutionUnknown(conn, catchThrowable(() -> conn.setAutoCommit(true)));
        assertThat(committed(2)).isTrue();
    }

    @Test
    void aResetJustBeforeCommitReachesTheServerIsStillUnknownToTheClient() throws SQLException {
        YsqlConnection conn = transactionThatInserted(3, "");
        server.proxy().lastLink().cutAt(Direction.TO_SERVER, ascii("COMMIT"));
        assertResolutionUnknown(conn, catchThrowable(conn::commit));
        assertThat(committed(3)).as("COMMIT never reached the server").isFalse();
    }

    @Test
    void cursorTransactionBlockWhoseCommitIsLostRaises08007() throws SQLException {
        YsqlConnection conn = Faults.connect(server, "");
        Throwable thrown = catchThrowable(() -> {
            try (Transaction tx = conn.transaction()) {
                conn.cursor().execute("INSERT INTO " + TABLE + " VALUES (4)");
                server.proxy().lastLink().loseAnswerTo(ascii("COMMIT"));
                tx.commit();
            }
        });
        assertResolutionUnknown(conn, thrown);
        assertThat(committed(4)).isTrue();
    }

    @Test
    void retryingTransactionsStopAtALostCommit() throws SQLException {
        YsqlConnection conn = Faults.connect(server, "");
        int[] attempts = {0};
        Throwable thrown = catchThrowable(() -> conn.retrying(c -> {
            attempts[0]++;
            c.cursor().execute("INSERT INTO " + TABLE + " VALUES (5)");
            server.proxy().lastLink().loseAnswerTo(ascii("COMMIT"));
            return null;
        }));
        assertResolutionUnknown(conn, thrown);
        assertThat(attempts[0]).isEqualTo(1);
        assertThat(committed(5)).isTrue();
    }

    @Test
    void aCommitThatStallsRaises08007AfterTheSocketTimeout() throws SQLException {
        YsqlConnection conn = transactionThatInserted(6, "socketTimeout=2");
        server.proxy().lastLink().stall(); // COMMIT is written, and no answer comes back
        assertResolutionUnknown(conn, catchThrowable(conn::commit));
    }

    @Test
    void aServerErrorAtCommitIsAnOrdinaryFailure() throws SQLException {
        server.cluster().psql("DROP TABLE IF EXISTS lost_commit_deferred; CREATE TABLE lost_commit_deferred "
                + "(id int UNIQUE DEFERRABLE INITIALLY DEFERRED)");
        YsqlConnection conn = Faults.connect(server, "");
        conn.setAutoCommit(false);
        conn.createStatement().execute("INSERT INTO lost_commit_deferred VALUES (1), (1)");
        SQLException e = Faults.sqlException(catchThrowable(conn::commit));
        assertThat(e.getSQLState()).isEqualTo("23505");
        assertThat(conn.isValid(2)).isTrue();
    }

    /** A connection through the proxy with an open transaction that inserted row {@code id}. */
    private static YsqlConnection transactionThatInserted(int id, String options) throws SQLException {
        YsqlConnection conn = Faults.connect(server, options);
        conn.setAutoCommit(false);
        conn.createStatement().execute("INSERT INTO " + TABLE + " VALUES (" + id + ")");
        return conn;
    }

    private static void assertResolutionUnknown(Connection conn, Throwable thrown) throws SQLException {
        SQLException e = Faults.sqlException(thrown);
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isEqualTo("08007");
        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(e.getMessage()).contains("may or may not have been committed");
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
        assertThat(conn.isValid(2)).isFalse();
        assertThat(conn.isClosed()).isTrue();
    }

    private static boolean committed(int id) {
        return "1".equals(server.cluster().psql("SELECT count(*) FROM " + TABLE + " WHERE id = " + id));
    }
}
