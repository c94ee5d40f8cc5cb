package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.jdbc.YsqlDataSource;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The listener sees a real connect step by step (DNS, TCP, authentication) and its success with
 * the connection's details, a refused connect's failure, and each statement of both APIs with its
 * row count, by SQL text only: parameter values never reach it. A listener that throws does not
 * break the driver.
 */
class YsqlListenerIT {
    private static final AuthRole ROLE = AuthRole.SCRAM;

    /** Records every call as a line of text. */
    static final class Recording implements YsqlListener {
        final List<Object> events = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override public void connectEvent(ConnectEvent event) { events.add(event); }
        @Override public void connected(ConnectionInfo info, Duration took) { calls.add("connected " + info.authenticationMethod()); }
        @Override public void connectFailed(String target, SQLException error, Duration took) {
            calls.add("connectFailed " + error.getSQLState() + " " + target);
        }
        @Override public void queryStarted(String sql) { calls.add("started " + sql); }
        @Override public void queryFinished(String sql, long rowCount, Duration took) {
            calls.add("finished " + rowCount + " " + sql);
        }
        @Override public void queryFailed(String sql, SQLException error, Duration took) {
            calls.add("failed " + error.getSQLState() + " " + sql);
        }
    }

    private static ConnectionConfig config(String conninfo) throws SQLException {
        return ConnectionConfig.parse(conninfo, null, ConfigSources.none());
    }

    @Test
    void aConnectIsReportedStepByStepAndStatementsByTextOnly() throws SQLException {
        PgCluster pg = PgCluster.shared();
        Recording r = new Recording();
        try (YsqlConnection conn = Ysql.connect(config(pg.conninfo(ROLE) + " sslmode=disable"), null, r)) {
            assertThat(r.events).map(e -> e.getClass().getSimpleName())
                    .containsExactly("Resolved", "TcpConnected", "Authenticated");
            ConnectEvent.Authenticated auth = (ConnectEvent.Authenticated) r.events.get(2);
            assertThat(auth.method()).isEqualTo("SCRAM-SHA-256");
            assertThat(auth.channelBinding()).isFalse();
            assertThat(auth.serverParameters()).containsKey("server_version");
            assertThat(r.calls).containsExactly("connected SCRAM-SHA-256");
            r.calls.clear();

            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT generate_series(1, 3)")) {
                while (rs.next()) rs.getInt(1);
            }
            try (Cursor cur = conn.cursor()) {
                cur.execute("SELECT %s::text AS v", "a-parameter-value");
                cur.fetchall();
                assertThatThrownBy(() -> cur.execute("SELEC 1")).isInstanceOf(SQLException.class);
            }
            try (Cursor cur = conn.cursor()) {
                cur.execute("CREATE TEMP TABLE listened(i int)");
                cur.executemany("INSERT INTO listened VALUES (%s)", List.of(List.of(1), List.of(2)));
            }
            assertThat(r.calls).contains("finished 2 INSERT INTO listened VALUES ($1)");
            assertThat(r.calls).contains("started SELECT generate_series(1, 3)",
                    "finished 3 SELECT generate_series(1, 3)", "finished 1 SELECT $1::text AS v",
                    "failed 42601 SELEC 1");
            assertThat(String.join("\n", r.calls)).doesNotContain("a-parameter-value");
        }
    }

    @Test
    void aRefusedConnectIsReportedAsFailed() throws IOException, SQLException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Recording r = new Recording();
        ConnectionConfig config = config("host=127.0.0.1 port=" + port + " sslmode=disable");
        assertThatThrownBy(() -> Ysql.connect(config, null, r)).isInstanceOf(SQLException.class);
        assertThat(r.events).hasSize(3);
        assertThat(r.events.get(1)).isInstanceOfSatisfying(ConnectEvent.TcpFailed.class,
                t -> assertThat(t.failure()).isEqualTo(ConnectEvent.TcpFailure.REFUSED));
        assertThat(r.events.get(2)).isInstanceOf(ConnectEvent.AttemptFailed.class);
        assertThat(r.calls).containsExactly("connectFailed 08001 jdbc:ysql://127.0.0.1:" + port + "/yugabyte");
    }

    @Test
    void aDataSourceReportsToItsListenerAndSurvivesOneThatThrows() throws SQLException {
        PgCluster pg = PgCluster.shared();
        YsqlDataSource ds = new YsqlDataSource();
        ds.setUrl(pg.conninfo(ROLE) + " sslmode=disable");
        Recording r = new Recording();
        ds.setListener(r);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT 1");
        }
        assertThat(r.calls).contains("connected SCRAM-SHA-256", "finished 1 SELECT 1");
        ds.setListener(new YsqlListener() {
            @Override public void connectEvent(ConnectEvent event) { throw new IllegalStateException("boom"); }
            @Override public void queryStarted(String sql) { throw new IllegalStateException("boom"); }
        });
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            assertThat(st.execute("SELECT 1")).isTrue();
        }
    }
}
