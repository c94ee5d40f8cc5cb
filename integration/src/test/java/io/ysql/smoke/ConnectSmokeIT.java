package io.ysql.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.ConnectionInfo;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The first thing to check on a server version: every authentication method logs in through
 * both APIs, SCRAM binds to the TLS channel, the server's version and parameters reach the
 * connection, and a statement can be cancelled with the session's cancel key (longer keys than 4
 * bytes exist from protocol 3.2 on). Part of the smoke suite that CI runs on every server version
 * ({@code -Dysql.server.version=N -Dit.test='*SmokeIT'}).
 */
class ConnectSmokeIT {
    private final PgCluster cluster = PgCluster.shared();

    @ParameterizedTest
    @EnumSource(value = AuthRole.class, names = {"TRUST", "PASSWORD", "MD5", "SCRAM"})
    void everyAuthenticationMethodLogsInThroughBothApis(AuthRole role) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(cluster.conninfo(role) + " sslmode=disable")) {
            assertThat(conn.cursor().execute("SELECT current_user").fetchone().getString(0)).isEqualTo(role.user());
        }
        Properties p = new Properties();
        p.setProperty("user", role.user());
        p.setProperty("password", role.password());
        try (Connection conn = DriverManager.getConnection(cluster.jdbcUrl(), p)) {
            assertThat(conn.isValid(2)).isTrue();
        }
    }

    @Test
    void scramBindsToTheTlsChannel() throws SQLException {
        PgCluster tls = PgCluster.sharedTls();
        AuthRole scram = AuthRole.SCRAM;
        try (YsqlConnection conn = Ysql.connect(tls.conninfo(scram) + " sslmode=require channel_binding=require")) {
            ConnectionInfo info = conn.connectionInfo();
            assertThat(info.encrypted()).isTrue();
            assertThat(info.authenticationMethod()).isEqualTo("SCRAM-SHA-256-PLUS");
            assertThat(conn.cursor().execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                    .fetchone().get(0)).isEqualTo(true);
        }
    }

    @Test
    void theServerVersionAndParametersReachTheConnection() throws SQLException {
        try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()))) {
            DatabaseMetaData md = conn.getMetaData();
            assertThat(md.getDatabaseMajorVersion()).isEqualTo(cluster.majorVersion());
            assertThat(md.getDatabaseProductVersion()).startsWith(cluster.majorVersion() + ".");
            assertThat(conn.serverParameters()).containsKeys("server_version", "client_encoding", "DateStyle",
                    "TimeZone", "integer_datetimes", "standard_conforming_strings");
            assertThat(conn.serverParameters().get("client_encoding")).isEqualTo("UTF8");
            assertThat(conn.backendProcessId()).isPositive();
        }
    }

    @Test
    void aQueryTimeoutCancelsThroughTheCancelKey() throws SQLException {
        try (YsqlConnection conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
             Statement st = conn.createStatement()) {
            st.setQueryTimeout(1);
            SQLException e = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> st.execute("SELECT pg_sleep(60)"));
            assertThat(e.getSQLState()).isEqualTo("57014");
            try (ResultSet rs = st.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}
