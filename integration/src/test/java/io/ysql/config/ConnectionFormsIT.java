package io.ysql.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way of giving connection options reaches the real server with the values it was given:
 * libpq conninfo strings with quoted values, {@code postgresql://} and {@code postgres://} URIs,
 * the three JDBC URL prefixes through {@link DriverManager}, maps and properties; and the options
 * that shape the session ({@code options}, {@code currentSchema}, {@code application_name}) take
 * effect on the server.
 */
class ConnectionFormsIT {
    private static final String DATABASE = "forms_db";
    private static final String SCHEMA = "forms_schema";
    private static final String QUOTED_USER = "forms quoted user";
    private static final String QUOTED_PASSWORD = "it's a \\ secret pw";

    private static PgCluster cluster;

    @BeforeAll
    static void createObjects() {
        cluster = TestServer.cluster();
        if (cluster.psql("SELECT count(*) FROM pg_database WHERE datname = '" + DATABASE + "'").equals("0")) {
            cluster.psql("CREATE DATABASE " + DATABASE);
        }
        cluster.psql("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        cluster.psql("DROP ROLE IF EXISTS \"" + QUOTED_USER + "\"");
        cluster.psql("SET password_encryption = 'scram-sha-256'; CREATE ROLE \"" + QUOTED_USER + "\" LOGIN PASSWORD '"
                + QUOTED_PASSWORD.replace("'", "''") + "'");
    }

    private static String one(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getString(1);
        }
    }

    private static String conninfoQuote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void conninfoStringWithQuotedValues() throws SQLException {
        String conninfo = "host = '" + cluster.host() + "' port='" + cluster.port() + "' dbname=" + DATABASE
                + " user=" + conninfoQuote(QUOTED_USER) + " password=" + conninfoQuote(QUOTED_PASSWORD)
                + " application_name='conninfo app \\'x\\''";
        try (YsqlConnection conn = Ysql.connect(conninfo)) {
            assertThat(one(conn, "SELECT current_user")).isEqualTo(QUOTED_USER);
            assertThat(one(conn, "SELECT current_database()")).isEqualTo(DATABASE);
            assertThat(one(conn, "SHOW application_name")).isEqualTo("conninfo app 'x'");
        }
    }

    @Test
    void postgresqlUriWithApplicationName() throws SQLException {
        String uri = "postgresql://" + cluster.superuser() + ":" + cluster.superuserPassword() + "@127.0.0.1:"
                + cluster.port() + "/" + cluster.database() + "?application_name=uri_app";
        try (YsqlConnection conn = Ysql.connect(uri)) {
            assertThat(one(conn, "SHOW application_name")).isEqualTo("uri_app");
            assertThat(one(conn, "SELECT current_user")).isEqualTo(cluster.superuser());
        }
    }

    @Test
    void postgresUriWithPercentEncodedCredentials() throws SQLException {
        String uri = "postgres://forms%20quoted%20user:it%27s%20a%20%5C%20secret%20pw@127.0.0.1:" + cluster.port()
                + "/" + DATABASE + "?application_name=pg%20uri";
        try (YsqlConnection conn = Ysql.connect(uri)) {
            assertThat(one(conn, "SELECT current_user")).isEqualTo(QUOTED_USER);
            assertThat(one(conn, "SELECT current_database()")).isEqualTo(DATABASE);
            assertThat(one(conn, "SHOW application_name")).isEqualTo("pg uri");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:ysql:", "jdbc:postgresql:", "jdbc:yugabytedb:"})
    void jdbcUrlWithCredentialsAsProperties(String prefix) throws SQLException {
        AuthRole role = AuthRole.SCRAM;
        Properties p = new Properties();
        p.setProperty("user", role.user());
        p.setProperty("password", role.password());
        String url = prefix + "//" + cluster.host() + ":" + cluster.port() + "/" + DATABASE;
        try (Connection conn = DriverManager.getConnection(url, p)) {
            assertThat(one(conn, "SELECT current_user")).isEqualTo(role.user());
            assertThat(one(conn, "SELECT current_database()")).isEqualTo(DATABASE);
            assertThat(conn.getMetaData().getURL()).startsWith(prefix);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:ysql:", "jdbc:postgresql:", "jdbc:yugabytedb:"})
    void jdbcUrlWithCredentialsInTheQuery(String prefix) throws SQLException {
        AuthRole role = AuthRole.MD5;
        String url = prefix + "//" + cluster.host() + ":" + cluster.port() + "/" + cluster.database()
                + "?user=" + role.user() + "&password=" + role.password() + "&ApplicationName=jdbc_app";
        try (Connection conn = DriverManager.getConnection(url)) {
            assertThat(one(conn, "SELECT current_user")).isEqualTo(role.user());
            assertThat(one(conn, "SHOW application_name")).isEqualTo("jdbc_app");
            assertThat(conn.getClientInfo("ApplicationName")).isEqualTo("jdbc_app");
        }
    }

    @Test
    void propertiesWinOverTheUrl() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", AuthRole.SCRAM.user());
        p.setProperty("password", AuthRole.SCRAM.password());
        String url = cluster.jdbcUrl() + "?user=" + AuthRole.MD5.user() + "&password=wrong";
        try (Connection conn = DriverManager.getConnection(url, p)) {
            assertThat(one(conn, "SELECT current_user")).isEqualTo(AuthRole.SCRAM.user());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"database", "dbname"})
    void mapWithDatabaseUnderEitherName(String key) throws SQLException {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("host", cluster.host());
        options.put("port", cluster.port());
        options.put(key, DATABASE);
        options.put("user", cluster.superuser());
        options.put("password", cluster.superuserPassword());
        try (YsqlConnection conn = Ysql.connect(options)) {
            assertThat(one(conn, "SELECT current_database()")).isEqualTo(DATABASE);
        }
    }

    @Test
    void javaUtilProperties() throws SQLException {
        Properties p = new Properties();
        p.setProperty("host", cluster.host());
        p.setProperty("port", Integer.toString(cluster.port()));
        p.setProperty("dbname", DATABASE);
        p.setProperty("user", AuthRole.PASSWORD.user());
        p.setProperty("password", AuthRole.PASSWORD.password());
        p.setProperty("application_name", "props_app");
        try (YsqlConnection conn = Ysql.connect(ConnectionConfig.fromProperties(p, ConfigSources.system()))) {
            assertThat(one(conn, "SELECT current_user")).isEqualTo(AuthRole.PASSWORD.user());
            assertThat(one(conn, "SELECT current_database()")).isEqualTo(DATABASE);
            assertThat(one(conn, "SHOW application_name")).isEqualTo("props_app");
        }
    }

    @Test
    void optionsSetsSearchPath() throws SQLException {
        String conninfo = cluster.conninfo(cluster.superuser(), cluster.superuserPassword())
                + " options='-c search_path=" + SCHEMA + "'";
        try (YsqlConnection conn = Ysql.connect(conninfo)) {
            assertThat(one(conn, "SHOW search_path")).isEqualTo(SCHEMA);
            assertThat(one(conn, "SELECT current_schema()")).isEqualTo(SCHEMA);
        }
    }

    @Test
    void optionsCarriesSeveralSettings() throws SQLException {
        String conninfo = cluster.conninfo(cluster.superuser(), cluster.superuserPassword())
                + " options='-c statement_timeout=4321 -c search_path=" + SCHEMA + "'";
        try (YsqlConnection conn = Ysql.connect(conninfo)) {
            assertThat(one(conn, "SHOW statement_timeout")).isEqualTo("4321ms");
            assertThat(one(conn, "SHOW search_path")).isEqualTo(SCHEMA);
        }
    }

    @Test
    void currentSchemaInJdbcUrl() throws SQLException {
        String url = cluster.jdbcUrl() + "?currentSchema=" + SCHEMA;
        try (Connection conn = DriverManager.getConnection(url, cluster.superuser(), cluster.superuserPassword())) {
            assertThat(conn.getSchema()).isEqualTo(SCHEMA);
            assertThat(one(conn, "SHOW search_path")).isEqualTo(SCHEMA);
        }
    }

    @Test
    void applicationNameInConninfoShowsInPgStatActivity() throws SQLException {
        String conninfo = cluster.conninfo(cluster.superuser(), cluster.superuserPassword())
                + " application_name=activity_app";
        try (YsqlConnection conn = Ysql.connect(conninfo)) {
            assertThat(one(conn, "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"))
                    .isEqualTo("activity_app");
            assertThat(conn.serverParameters()).containsEntry("application_name", "activity_app");
        }
    }
}
