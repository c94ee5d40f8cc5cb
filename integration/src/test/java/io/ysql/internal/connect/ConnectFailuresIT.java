package io.ysql.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Ysql;
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
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> catchThrowableOfType(
                () -> Ysql.connect("host=127.0.0.1 port=" + port + " user=nobody password=nothing connect_timeout=30"),
                SQLException.class));

        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("127.0.0.1").contains(Integer.toString(port)).containsIgnoringCase("refused");
    }

    @Test
    void connectionRefusedThroughDriverManager() {
        int port = SilentServer.freePort();
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> catchThrowableOfType(
                () -> DriverManager.getConnection("jdbc:ysql://127.0.0.1:" + port + "/db", "u", "p"), SQLException.class));

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
                    () -> catchThrowableOfType(() -> Ysql.connect(conninfo), SQLException.class),
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
}
