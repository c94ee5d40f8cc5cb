package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A session the server terminates from the outside: the next use of the connection fails cleanly
 * (class 08 or 57P01, as {@link SQLNonTransientConnectionException}), never hangs, and leaves the
 * connection invalid and closed; later uses fail with 08003. Time limits here only catch hangs.
 */
class KilledSessionIT {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final PgCluster cluster = TestServer.cluster();

    private static void assertConnectionLost(SQLException e) {
        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(e.getSQLState()).matches("08...|57P01");
    }

    private static void terminate(int pid) throws SQLException {
        try (Connection admin = TestServer.connect(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("the backend %d was terminated", pid).isTrue();
        }
    }

    private static void waitUntilGone(int pid) throws SQLException {
        // pg_terminate_backend only signals; wait for the backend to be gone so the next query meets a dead session
        try (Connection admin = TestServer.connect()) {
            for (int i = 0; i < 500; i++) {
                try (Statement st = admin.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
                    rs.next();
                    if (rs.getInt(1) == 0) return;
                }
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void aTerminatedBackendFailsTheNextQueryCleanly() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Connection conn = TestServer.connect();
            int pid = conn.unwrap(YsqlConnection.class).backendProcessId();
            assertThat(pid).isPositive();
            terminate(pid);
            waitUntilGone(pid);

            Statement st = conn.createStatement();
            SQLException e = TestServer.thrown(SQLException.class, () -> st.executeQuery("SELECT 1"));
            assertConnectionLost(e);

            assertThat(conn.isValid(2)).isFalse();
            assertThat(conn.isClosed()).isTrue();
            SQLException after = TestServer.thrown(SQLException.class, () -> conn.createStatement().execute("SELECT 1"));
            assertThat(after.getSQLState()).isEqualTo("08003");
            conn.close();
            conn.close();
        });
    }

    @Test
    void aTerminatedBackendFailsAPreparedStatementCleanly() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Connection conn = TestServer.connect();
            PreparedStatement ps = conn.prepareStatement("SELECT ?::int + 1");
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
            int pid = conn.unwrap(YsqlConnection.class).backendProcessId();
            terminate(pid);
            waitUntilGone(pid);

            SQLException e = TestServer.thrown(SQLException.class, ps::executeQuery);
            assertConnectionLost(e);
            assertThat(ps.isClosed()).isTrue();
            assertThat(conn.isValid(1)).isFalse();
            assertThat(conn.isClosed()).isTrue();
            assertThat(TestServer.thrown(SQLException.class, ps::executeQuery).getSQLState()).isEqualTo("08003");
        });
    }

    @Test
    void terminateBackendsOfAUserReachesEveryOneOfItsConnections() {
        AuthRole role = AuthRole.MD5;
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection first = Ysql.connect(cluster.conninfo(role));
            YsqlConnection second = Ysql.connect(cluster.conninfo(role));
            int pid1 = first.backendProcessId();
            int pid2 = second.backendProcessId();
            assertThat(pid1).isNotEqualTo(pid2);
            assertThat(cluster.terminateBackends(role.user())).isEqualTo(2);
            waitUntilGone(pid1);
            waitUntilGone(pid2);

            for (YsqlConnection conn : new YsqlConnection[] {first, second}) {
                SQLException e = TestServer.thrown(SQLException.class, () -> conn.createStatement().execute("SELECT 1"));
                assertConnectionLost(e);
                assertThat(conn.isClosed()).isTrue();
                assertThat(conn.isValid(2)).isFalse();
            }
            try (YsqlConnection fresh = Ysql.connect(cluster.conninfo(role))) {
                assertThat(fresh.isValid(2)).isTrue();
            }
        });
    }

    @Test
    void isValidNoticesATerminatedBackend() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Connection conn = TestServer.connect();
            assertThat(conn.isValid(2)).isTrue();
            int pid = conn.unwrap(YsqlConnection.class).backendProcessId();
            terminate(pid);
            waitUntilGone(pid);
            assertThat(conn.isValid(2)).isFalse();
            assertThat(conn.isClosed()).isTrue();
        });
    }

    @Test
    void aTransactionOnATerminatedBackendFailsCleanly() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Connection conn = TestServer.connect();
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TEMP TABLE doomed (a int)");
            }
            int pid = conn.unwrap(YsqlConnection.class).backendProcessId();
            terminate(pid);
            waitUntilGone(pid);
            SQLException e = TestServer.thrown(SQLException.class, conn::commit);
            assertConnectionLost(e);
            assertThat(conn.isClosed()).isTrue();
        });
    }
}
