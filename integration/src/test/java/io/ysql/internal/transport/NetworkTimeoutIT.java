package io.ysql.internal.transport;

import static io.ysql.internal.transport.HostilePeers.conninfo;
import static io.ysql.internal.transport.HostilePeers.connect;
import static io.ysql.internal.transport.HostilePeers.untilQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.JdbcConnection;
import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ScriptedServer;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

/**
 * Network timeouts and socket options: a server that stops answering (a scripted peer that reads
 * the query and says nothing; a real backend stopped with SIGSTOP) closes the connection with
 * 08006 once {@code socket_timeout} or {@code setNetworkTimeout} passes; a shorter query timeout
 * cancels the statement instead and the connection goes on; an idle wait for notifications is not
 * bounded by the network timeout; and the keep-alive options can be read back from the socket.
 */
class NetworkTimeoutIT {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Test
    void aSilentServerHitsSocketTimeout() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(untilQuery().sleep(HANG_GUARD));
             YsqlConnection conn = connect(conninfo(server, "socket_timeout=1"));
             Statement st = conn.createStatement()) {
            assertThat(conn.getNetworkTimeout()).isEqualTo(1000);
            SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                    () -> TestServer.thrown(SQLException.class, () -> st.execute("SELECT 1")));
            assertThat(e.getSQLState()).isEqualTo("08006");
            assertThat(e.getMessage()).contains("network timeout of 1000 ms");
            assertThat(conn.isValid(1)).isFalse();
            assertThat(conn.isClosed()).isTrue();
        }
    }

    @Test
    void setNetworkTimeoutBoundsTheWaitForAnAnswer() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(untilQuery().sleep(HANG_GUARD));
             YsqlConnection conn = connect(conninfo(server, ""));
             Statement st = conn.createStatement()) {
            conn.setNetworkTimeout(Executors.newSingleThreadExecutor(), 300);
            assertThat(conn.getNetworkTimeout()).isEqualTo(300);
            SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                    () -> TestServer.thrown(SQLException.class, () -> st.execute("SELECT 1")));
            assertThat(e.getSQLState()).isEqualTo("08006");
            assertThat(e.getMessage()).contains("300 ms");
            assertThat(conn.isValid(1)).isFalse();
        }
    }

    @Test
    void aStoppedBackendHitsTheNetworkTimeout() throws Exception {
        PgCluster cluster = PgCluster.shared();
        try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
             Statement st = conn.createStatement()) {
            conn.setNetworkTimeout(Runnable::run, 1000);
            int pid = conn.backendProcessId();
            signal("STOP", pid);
            try {
                SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                        () -> TestServer.thrown(SQLException.class, () -> st.execute("SELECT 1")));
                assertThat(e.getSQLState()).isEqualTo("08006");
                assertThat(conn.isValid(1)).isFalse();
            } finally {
                signal("CONT", pid);
            }
        }
    }

    @Test
    void aShorterQueryTimeoutCancelsAndTheConnectionGoesOn() throws Exception {
        PgCluster cluster = PgCluster.shared();
        try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword())
                + " socket_timeout=30");
             Statement st = conn.createStatement()) {
            st.setQueryTimeout(1);
            SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                    () -> TestServer.thrown(SQLException.class, () -> st.execute("SELECT pg_sleep(20)")));
            assertThat(e.getSQLState()).isEqualTo("57014");
            st.setQueryTimeout(0);
            try (ResultSet rs = st.executeQuery("SELECT 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void anIdleWaitForNotificationsIsNotANetworkTimeout() throws Exception {
        PgCluster cluster = PgCluster.shared();
        try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword())
                + " socket_timeout=1")) {
            try (Statement st = conn.createStatement()) {
                st.execute("LISTEN nothing_comes");
            }
            assertThat(conn.getNotifications(2500)).isEmpty();
            assertThat(conn.isValid(5)).isTrue();
        }
    }

    @Test
    void keepaliveSettingsReachTheSocket() throws Exception {
        PgCluster cluster = PgCluster.shared();
        String base = cluster.conninfo(cluster.superuser(), cluster.superuserPassword());
        try (YsqlConnection conn = Ysql.connect(base + " keepalives_idle=33 keepalives_interval=7 keepalives_count=4")) {
            Socket s = socket(conn);
            assertThat(s.getOption(StandardSocketOptions.SO_KEEPALIVE)).isTrue();
            if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
                assertThat(s.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(33);
                assertThat(s.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(7);
                assertThat(s.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).isEqualTo(4);
            }
        }
        try (YsqlConnection conn = Ysql.connect(base + " keepalives=0 tcp_user_timeout=5000")) {
            assertThat(socket(conn).getOption(StandardSocketOptions.SO_KEEPALIVE)).isFalse();
        }
    }

    private static Socket socket(YsqlConnection conn) throws SQLException {
        return conn.unwrap(JdbcConnection.class).session().transport().socket();
    }

    private static void signal(String signal, int pid) throws Exception {
        assertThat(pid).as("backend pid").isPositive();
        Process p = new ProcessBuilder("kill", "-" + signal, Integer.toString(pid))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).as("kill -" + signal + " " + pid).isZero();
    }
}
