package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.YsqlConnection;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What a fresh session tells about the server and the driver: {@code version()}, the
 * DatabaseMetaData identity (product, versions, driver, URL without password, user), and the
 * ParameterStatus values the server reports at startup and whenever a reported setting changes.
 */
class ProtocolIT {
    private final PgCluster cluster = TestServer.cluster();

    private static String one(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void selectVersion() throws SQLException {
        try (Connection conn = TestServer.connect()) {
            assertThat(one(conn, "select version()")).startsWith("PostgreSQL " + cluster.majorVersion() + ".");
        }
    }

    @Test
    void databaseMetaDataIdentity() throws SQLException {
        try (Connection conn = TestServer.connect()) {
            DatabaseMetaData md = conn.getMetaData();
            assertThat(md.getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(md.getDatabaseProductVersion()).startsWith(cluster.majorVersion() + ".");
            assertThat(md.getDatabaseMajorVersion()).isEqualTo(cluster.majorVersion());
            assertThat(cluster.serverVersion()).startsWith(md.getDatabaseProductVersion());
            assertThat(md.getDriverName()).isEqualTo("ysql-driver");
            assertThat(md.getDriverVersion()).isNotBlank();
            assertThat(md.getUserName()).isEqualTo(cluster.superuser());
            assertThat(md.getConnection()).isSameAs(conn);
        }
    }

    @Test
    void urlAndToStringNeverHoldThePassword() throws SQLException {
        AuthRole role = AuthRole.SCRAM;
        String url = cluster.jdbcUrl() + "?user=" + role.user() + "&password=" + role.password();
        try (Connection conn = DriverManager.getConnection(url)) {
            DatabaseMetaData md = conn.getMetaData();
            assertThat(md.getURL()).startsWith("jdbc:ysql://").contains(Integer.toString(cluster.port()))
                    .doesNotContain(role.password()).doesNotContainIgnoringCase("password");
            assertThat(md.getUserName()).isEqualTo(role.user());
            assertThat(conn.toString()).doesNotContain(role.password());
        }
    }

    @Test
    void serverParametersFromStartup() throws SQLException {
        try (YsqlConnection conn = TestServer.connectYsql()) {
            assertThat(conn.serverParameters())
                    .containsEntry("standard_conforming_strings", "on")
                    .containsEntry("client_encoding", "UTF8")
                    .containsEntry("DateStyle", "ISO, MDY")
                    .containsKey("TimeZone")
                    .containsKey("integer_datetimes");
            assertThat(conn.serverParameters().get("server_version")).startsWith(cluster.majorVersion() + ".");
            assertThat(conn.backendProcessId()).isEqualTo(Integer.parseInt(one(conn, "SELECT pg_backend_pid()")));
        }
    }

    @Test
    void parameterStatusFollowsSet() throws SQLException {
        try (YsqlConnection conn = TestServer.connectYsql(); Statement st = conn.createStatement()) {
            st.execute("SET TimeZone = 'Asia/Tokyo'");
            assertThat(conn.serverParameters()).containsEntry("TimeZone", "Asia/Tokyo");
            st.execute("SET TimeZone = 'UTC'");
            assertThat(conn.serverParameters()).containsEntry("TimeZone", "UTC");
            assertThat(one(conn, "SHOW TimeZone")).isEqualTo("UTC");

            st.execute("SET application_name = 'renamed'");
            assertThat(conn.serverParameters()).containsEntry("application_name", "renamed");
            assertThat(conn.getClientInfo("ApplicationName")).isEqualTo("renamed");
        }
    }

    @Test
    void parameterStatusFollowsSetThroughPreparedStatementAndClientInfo() throws SQLException {
        try (YsqlConnection conn = TestServer.connectYsql()) {
            try (var ps = conn.prepareStatement("SELECT set_config('TimeZone', ?, false)")) {
                ps.setString(1, "Europe/Paris");
                ps.executeQuery().close();
            }
            assertThat(conn.serverParameters()).containsEntry("TimeZone", "Europe/Paris");
            conn.setClientInfo("ApplicationName", "via client info");
            assertThat(one(conn, "SHOW application_name")).isEqualTo("via client info");
        }
    }

    @Test
    void serverParametersAreASnapshot() throws SQLException {
        try (YsqlConnection conn = TestServer.connectYsql()) {
            var before = conn.serverParameters();
            try (Statement st = conn.createStatement()) {
                st.execute("SET TimeZone = 'America/Sao_Paulo'");
            }
            assertThat(before.get("TimeZone")).isNotEqualTo("America/Sao_Paulo");
            assertThat(conn.serverParameters().get("TimeZone")).isEqualTo("America/Sao_Paulo");
        }
    }
}
