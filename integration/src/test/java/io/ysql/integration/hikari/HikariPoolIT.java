package io.ysql.integration.hikari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HikariCP pools connections of this driver under its own and under pgjdbc's URL prefix, with the
 * driver class named explicitly or found through {@link java.sql.DriverManager}; it checks them with
 * a test query or with {@link Connection#isValid(int)}, and when the server terminates their
 * backends the pool evicts the dead connections and hands out working ones again.
 */
class HikariPoolIT {
    private static final String DRIVER = "io.ysql.jdbc.YsqlDriver";
    private static final String TABLE = "hikari_pool_it_item";

    private static PgCluster cluster;

    @BeforeAll
    static void createTable() {
        cluster = PgCluster.shared();
        cluster.psql("DROP TABLE IF EXISTS " + TABLE + "; CREATE TABLE " + TABLE + " (id int PRIMARY KEY, name text)");
    }

    private static String url(String prefix) {
        return cluster.jdbcUrl().replaceFirst("^jdbc:ysql:", prefix);
    }

    private static HikariConfig config(String url, String applicationName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(cluster.superuser());
        config.setPassword(cluster.superuserPassword());
        config.addDataSourceProperty("ApplicationName", applicationName);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        config.setPoolName(applicationName);
        return config;
    }

    private static int backendPid(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private static String one(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getString(1);
        }
    }

    private static int terminate(String applicationName) {
        return Integer.parseInt(cluster.psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = '" + applicationName + "' AND pid <> pg_backend_pid()"));
    }

    private static void awaitGone(String applicationName) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (cluster.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                    + applicationName + "'").equals("0")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("backends of " + applicationName + " still present");
    }

    @Test
    void poolOverPostgresqlPrefixWithTestQuery() throws SQLException {
        HikariConfig config = config(url("jdbc:postgresql:"), "hikari_pg_query");
        config.setConnectionTestQuery("SELECT 1");
        try (HikariDataSource ds = new HikariDataSource(config)) {
            try (Connection conn = ds.getConnection()) {
                assertThat(conn.isWrapperFor(io.ysql.YsqlConnection.class)).isTrue();
                assertThat(conn.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
                assertThat(conn.getMetaData().getURL()).startsWith("jdbc:postgresql:");
                assertThat(one(conn, "SHOW application_name")).isEqualTo("hikari_pg_query");
                try (Statement st = conn.createStatement()) {
                    assertThat(st.executeUpdate("INSERT INTO " + TABLE + " VALUES (1, 'one')")).isEqualTo(1);
                }
            }
            try (Connection conn = ds.getConnection()) {
                assertThat(one(conn, "SELECT name FROM " + TABLE + " WHERE id = 1")).isEqualTo("one");
            }
        }
    }

    @Test
    void poolOverYsqlPrefixWithDriverClassAndIsValid() throws SQLException {
        HikariConfig config = config(url("jdbc:ysql:"), "hikari_ysql_valid");
        config.setDriverClassName(DRIVER);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            Set<Integer> pids = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                try (Connection conn = ds.getConnection()) {
                    assertThat(conn.isValid(5)).isTrue();
                    assertThat(conn.getAutoCommit()).isTrue();
                    conn.setAutoCommit(false);
                    pids.add(backendPid(conn));
                    conn.rollback();
                }
            }
            assertThat(pids).hasSizeBetween(1, 2);
            try (Connection conn = ds.getConnection()) {
                assertThat(conn.getAutoCommit()).as("the pool resets autocommit").isTrue();
            }
        }
    }

    @Test
    void idleConnectionsWithTerminatedBackendsAreEvicted() throws Exception {
        String app = "hikari_evict_idle";
        HikariConfig config = config(url("jdbc:ysql:"), app);
        config.setDriverClassName(DRIVER);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            Set<Integer> killed = new HashSet<>();
            try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
                killed.add(backendPid(a));
                killed.add(backendPid(b));
            }
            assertThat(terminate(app)).isEqualTo(2);
            awaitGone(app);
            // HikariCP skips the liveness check of a connection used within the last 500 ms
            Thread.sleep(1_000);
            try (Connection conn = ds.getConnection()) {
                assertThat(backendPid(conn)).isNotIn(killed);
                assertThat(one(conn, "SELECT 41 + 1")).isEqualTo("42");
            }
        }
    }

    @Test
    void connectionBrokenInUseIsEvictedAndPoolRecovers() throws Exception {
        String app = "hikari_evict_busy";
        HikariConfig config = config(url("jdbc:postgresql:"), app);
        config.setDriverClassName(DRIVER);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            int killed;
            try (Connection conn = ds.getConnection()) {
                killed = backendPid(conn);
                assertThat(terminate(app)).isEqualTo(1);
                awaitGone(app);
                Throwable t = catchThrowable(() -> one(conn, "SELECT 1"));
                assertThat(t).isInstanceOf(SQLException.class);
                assertThat(((SQLException) t).getSQLState()).as("SQLSTATE of %s", t).matches("08...|57P0[123]");
            }
            try (Connection conn = ds.getConnection()) {
                assertThat(backendPid(conn)).isNotEqualTo(killed);
                assertThat(one(conn, "SELECT 'back'")).isEqualTo("back");
            }
            assertThat(ds.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
        }
    }
}
