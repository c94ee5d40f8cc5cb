package io.ysql.faults;

import static io.ysql.faults.Faults.HANG_GUARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ysql.YsqlConnection;
import io.ysql.testkit.FaultLink;
import io.ysql.testkit.FaultProxy;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HikariCP over a network that breaks: a connection whose link is reset fails its statement with
 * 08006, the pool evicts it (the driver reports it closed and invalid), and the next borrower gets
 * a new, working connection over a new link.
 */
class PoolEvictionIT {
    private final PgCluster cluster = PgCluster.shared();
    private FaultProxy proxy;
    private HikariDataSource pool;

    @BeforeEach
    void start() {
        proxy = FaultProxy.to(cluster);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Faults.jdbcUrl(cluster, proxy));
        config.setUsername(cluster.superuser());
        config.setPassword(cluster.superuserPassword());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setPoolName("pool-eviction-it");
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void stop() {
        pool.close();
        proxy.close();
    }

    @Test
    void aConnectionCutInUseIsEvictedAndReplaced() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            int firstPid;
            FaultLink firstLink;
            try (Connection conn = pool.getConnection()) {
                firstPid = pid(conn);
                firstLink = proxy.lastLink();
                firstLink.cut();
                Throwable thrown = catchThrowable(() -> pid(conn));
                assertThat(Faults.sqlException(thrown).getSQLState()).isEqualTo("08006");
                assertThat(conn.isValid(1)).isFalse();
            }
            try (Connection conn = pool.getConnection()) {
                assertThat(pid(conn)).isNotEqualTo(firstPid);
                assertThat(proxy.lastLink()).isNotSameAs(firstLink);
            }
        });
    }

    @Test
    void anIdleConnectionCutInThePoolIsNotHandedOutBroken() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            int firstPid;
            try (Connection conn = pool.getConnection()) {
                firstPid = pid(conn);
            }
            proxy.cut();
            Thread.sleep(700); // HikariCP skips its liveness check for a connection used in the last 500 ms
            try (Connection conn = pool.getConnection()) {
                assertThat(pid(conn)).isNotEqualTo(firstPid);
                assertThat(conn.unwrap(YsqlConnection.class).isValid(2)).isTrue();
            }
        });
    }

    private static int pid(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }
}
