package io.ysql.faults;

import static io.ysql.faults.Faults.HANG_GUARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.RequiresServer;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The server ends a session or a statement on its own: each ending has its SQLSTATE and a message
 * that says what happened, and a session the server closed is marked broken (closed, invalid,
 * 08003 afterwards) while a cancelled statement leaves its session usable. A server restart fails
 * the old connections cleanly and admits new ones.
 */
class ServerEndsSessionIT {
    private final PgCluster cluster = PgCluster.shared();

    private YsqlConnection connect() throws SQLException {
        return Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
    }

    @Test
    void statementTimeoutCancelsTheStatementAndKeepsTheSession() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (YsqlConnection conn = connect(); Statement st = conn.createStatement()) {
                st.execute("SET statement_timeout = 200");
                SQLException e = Faults.sqlException(catchThrowable(() -> st.execute("SELECT pg_sleep(30)")));
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat((Throwable) e).isInstanceOf(SQLTimeoutException.class);
                assertThat(e.getMessage()).contains("statement timeout");
                assertThat(conn.isValid(2)).isTrue();
            }
        });
    }

    @Test
    void idleInTransactionTimeoutEndsTheSessionWith25P03() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = connect();
            conn.createStatement().execute("SET idle_in_transaction_session_timeout = 200");
            conn.setAutoCommit(false);
            conn.createStatement().execute("SELECT 1");
            awaitGone(conn.backendProcessId());
            SQLException e = Faults.sqlException(catchThrowable(() -> conn.createStatement().execute("SELECT 1")));
            assertSessionEnded(e, "25P03", "idle-in-transaction timeout");
            Faults.assertClosedAfter(conn);
        });
    }

    @Test
    @RequiresServer(min = 14)
    void idleSessionTimeoutEndsTheSessionWith57P05() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = connect();
            conn.createStatement().execute("SET idle_session_timeout = 200");
            awaitGone(conn.backendProcessId());
            SQLException e = Faults.sqlException(catchThrowable(() -> conn.createStatement().execute("SELECT 1")));
            assertSessionEnded(e, "57P05", "idle-session timeout");
            Faults.assertClosedAfter(conn);
        });
    }

    @Test
    void terminateBackendEndsTheSessionWith57P01() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = connect();
            int pid = conn.backendProcessId();
            assertThat(cluster.psql("SELECT pg_terminate_backend(" + pid + ")")).isEqualTo("t");
            awaitGone(pid);
            SQLException e = Faults.sqlException(catchThrowable(() -> conn.createStatement().execute("SELECT 1")));
            assertSessionEnded(e, "57P01", "administrator command");
            Faults.assertClosedAfter(conn);
        });
    }

    @Test
    void aRestartFailsOldConnectionsCleanlyAndAdmitsNewOnes() {
        assertTimeoutPreemptively(HANG_GUARD.multipliedBy(2), () -> {
            try (PgCluster own = PgCluster.start(PgCluster.Settings.builder().createAuthRoles(false).build())) {
                String conninfo = own.conninfo(own.superuser(), own.superuserPassword());
                YsqlConnection idle = Ysql.connect(conninfo);
                YsqlConnection busy = Ysql.connect(conninfo);
                busy.setAutoCommit(false);
                busy.createStatement().execute("SELECT 1");
                own.restart();
                for (YsqlConnection old : new YsqlConnection[] {idle, busy}) {
                    SQLException e = Faults.sqlException(catchThrowable(() -> old.createStatement().execute("SELECT 1")));
                    assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isIn("08006", "57P01");
                    assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
                    Faults.assertClosedAfter(old);
                }
                try (YsqlConnection fresh = Ysql.connect(conninfo)) {
                    assertThat(fresh.isValid(2)).isTrue();
                }
            }
        });
    }

    private static void assertSessionEnded(SQLException e, String sqlState, String words) {
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isEqualTo(sqlState);
        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(e.getMessage()).contains(words);
    }

    /** pg_terminate_backend and the timeouts only signal the backend: wait until it is gone. */
    private void awaitGone(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (System.nanoTime() < deadline) {
            if ("0".equals(cluster.psql("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid))) return;
            Thread.sleep(20);
        }
        throw new AssertionError("backend " + pid + " did not end");
    }
}
