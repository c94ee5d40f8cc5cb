package io.ysql.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.SilentServer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connecting where no usable server is: a port nobody listens on is refused at once with 08001,
 * and a peer that accepts but never answers is given up on after {@code connect_timeout}, with
 * 08001 and a message that says so, whatever the sslmode. Time limits here only catch hangs.
 */
class ConnectFailuresIT {

    @Test
    void connectionRefusedFailsFastWith08001() {
        int port = SilentServer.freePort();
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TestServer.thrown(SQLException.class,
                () -> Ysql.connect("host=127.0.0.1 port=" + port + " user=nobody password=nothing connect_timeout=30")));

        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("127.0.0.1").contains(Integer.toString(port)).containsIgnoringCase("refused");
    }

    @Test
    void connectionRefusedThroughDriverManager() {
        int port = SilentServer.freePort();
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TestServer.thrown(SQLException.class,
                () -> DriverManager.getConnection("jdbc:ysql://127.0.0.1:" + port + "/db", "u", "p")));

        assertThat(e.getSQLState()).isEqualTo("08001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable", "prefer", "require"})
    void aSilentServerTimesOutAfterConnectTimeout(String sslmode) {
        try (SilentServer silent = SilentServer.start()) {
            String conninfo = "host=" + silent.host() + " port=" + silent.port()
                    + " user=nobody password=nothing connect_timeout=2 sslmode=" + sslmode;
            long start = System.nanoTime();
            SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(8),
                    () -> TestServer.thrown(SQLException.class, () -> Ysql.connect(conninfo)),
                    "connect_timeout=2 must end the attempt against a server that never answers");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(silent.acceptedCount()).as("the driver reached the silent server").isPositive();
            assertThat(took).as("the driver waited for the timeout rather than failing at once")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
            assertThat(e.getSQLState()).isEqualTo("08001");
            assertThat(e.getMessage()).containsIgnoringCase("timeout");
        }
    }

    @Test
    void aRefusedHostPassesTheTurnToTheNext() throws SQLException {
        PgCluster cluster = TestServer.cluster();
        int dead = SilentServer.freePort();
        String conninfo = "host=127.0.0.1,127.0.0.1 port=" + dead + "," + cluster.port() + " dbname=" + cluster.database()
                + " user=" + cluster.superuser() + " password=" + cluster.superuserPassword();
        try (YsqlConnection conn = Ysql.connect(conninfo)) {
            assertThat(conn.isValid(5)).isTrue();
            assertThat(conn.getMetaData().getURL()).contains(":" + dead + ",").contains(":" + cluster.port() + "/");
        }
    }

    @Test
    void whenEveryHostIsRefusedTheMessageListsThemAll() {
        int first = SilentServer.freePort();
        int second = SilentServer.freePort();
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TestServer.thrown(SQLException.class,
                () -> Ysql.connect("host=127.0.0.1,localhost port=" + first + "," + second + " user=u password=p")));
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("2 hosts").contains(Integer.toString(first)).contains(Integer.toString(second));
    }

    @Test
    void anUnknownDatabaseIsTheServersFatalError() {
        PgCluster cluster = TestServer.cluster();
        SQLException e = TestServer.thrown(SQLException.class, () -> Ysql.connect(cluster.conninfo(
                cluster.superuser(), cluster.superuserPassword()).replace("dbname=" + cluster.database(), "dbname=no_such_db")));
        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(e.getSQLState()).isEqualTo("3D000");
        assertThat(e.getMessage()).contains("database \"no_such_db\" does not exist");
    }
}
