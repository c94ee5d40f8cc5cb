package io.ysql.faults;

import static io.ysql.faults.Faults.HANG_GUARD;
import static io.ysql.faults.Faults.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Transaction;
import io.ysql.YsqlConnection;
import io.ysql.testkit.FaultProxy;
import io.ysql.testkit.FaultProxy.Direction;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection fails after COMMIT was sent and before its answer came: whether the transaction
 * committed is unknown, so every way to commit, JDBC's {@code commit()} and
 * {@code setAutoCommit(true)} and the cursor API's transaction blocks, raises 08007 and never a
 * plain success or a plain failure. The proxy forwards the COMMIT and swallows the answer, so the
 * server did commit, which a fresh connection sees.
 */
class LostCommitIT {
    private static final String TABLE = "lost_commit_it";
    private static PgCluster cluster;
    private FaultProxy proxy;

    @BeforeAll
    static void table() {
        cluster = PgCluster.shared();
        cluster.psql("DROP TABLE IF EXISTS " + TABLE + "; CREATE TABLE " + TABLE + " (id int PRIMARY KEY)");
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.to(cluster);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void jdbcCommitWhoseAnswerIsLostRaises08007() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            conn.setAutoCommit(false);
            conn.createStatement().execute("INSERT INTO " + TABLE + " VALUES (1)");
            proxy.lastLink().loseAnswerTo(ascii("COMMIT"));
            assertResolutionUnknown(conn, catchThrowable(conn::commit));
            assertThat(committed(1)).as("the server committed what the client could not learn about").isTrue();
        });
    }

    @Test
    void autoCommitOnWhoseCommitIsLostRaises08007() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            conn.setAutoCommit(false);
            conn.createStatement().execute("INSERT INTO " + TABLE + " VALUES (2)");
            proxy.lastLink().loseAnswerTo(ascii("COMMIT"));
            assertResolutionUnknown(conn, catchThrowable(() -> conn.setAutoCommit(true)));
            assertThat(committed(2)).isTrue();
        });
    }

    @Test
    void aResetJustBeforeCommitReachesTheServerIsStillUnknownToTheClient() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            conn.setAutoCommit(false);
            conn.createStatement().execute("INSERT INTO " + TABLE + " VALUES (3)");
            proxy.lastLink().cutAt(Direction.TO_SERVER, ascii("COMMIT"));
            assertResolutionUnknown(conn, catchThrowable(conn::commit));
            assertThat(committed(3)).as("COMMIT never reached the server").isFalse();
        });
    }

    @Test
    void cursorTransactionBlockWhoseCommitIsLostRaises08007() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            Throwable thrown = catchThrowable(() -> {
                try (Transaction tx = conn.transaction()) {
                    conn.cursor().execute("INSERT INTO " + TABLE + " VALUES (4)");
                    proxy.lastLink().loseAnswerTo(ascii("COMMIT"));
                    tx.commit();
                }
            });
            assertResolutionUnknown(conn, thrown);
            assertThat(committed(4)).isTrue();
        });
    }

    @Test
    void retryingTransactionsStopAtALostCommit() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            int[] attempts = {0};
            Throwable thrown = catchThrowable(() -> conn.retrying(c -> {
                attempts[0]++;
                c.cursor().execute("INSERT INTO " + TABLE + " VALUES (5)");
                proxy.lastLink().loseAnswerTo(ascii("COMMIT"));
                return null;
            }));
            assertResolutionUnknown(conn, thrown);
            assertThat(attempts[0]).isEqualTo(1);
            assertThat(committed(5)).isTrue();
        });
    }

    @Test
    void aCommitThatStallsRaises08007AfterTheSocketTimeout() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "socketTimeout=2");
            conn.setAutoCommit(false);
            conn.createStatement().execute("INSERT INTO " + TABLE + " VALUES (6)");
            proxy.lastLink().stall(); // COMMIT is written, and no answer comes back
            assertResolutionUnknown(conn, catchThrowable(conn::commit));
        });
    }

    @Test
    void aServerErrorAtCommitIsAnOrdinaryFailure() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            cluster.psql("DROP TABLE IF EXISTS lost_commit_deferred; CREATE TABLE lost_commit_deferred "
                    + "(id int UNIQUE DEFERRABLE INITIALLY DEFERRED)");
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            conn.setAutoCommit(false);
            conn.createStatement().execute("INSERT INTO lost_commit_deferred VALUES (1), (1)");
            SQLException e = Faults.sqlException(catchThrowable(conn::commit));
            assertThat(e.getSQLState()).isEqualTo("23505");
            assertThat(conn.isValid(2)).isTrue();
        });
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
        return "1".equals(cluster.psql("SELECT count(*) FROM " + TABLE + " WHERE id = " + id));
    }
}
