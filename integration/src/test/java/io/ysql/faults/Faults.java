package io.ysql.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.FaultProxy;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ProxiedServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.Assertions;

/**
 * What the fault tests share: connections to a cluster through a {@link FaultProxy}, waiting for
 * the server to be busy with a statement, and the checks that a failed connection failed cleanly.
 */
final class Faults {
    /** Only catches hangs (as a test class's {@code @Timeout} too); no test depends on how fast a fault is noticed. */
    static final long HANG_GUARD_SECONDS = 60;
    static final Duration HANG_GUARD = Duration.ofSeconds(HANG_GUARD_SECONDS);

    private Faults() {}

    static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    /** A cursor-API connection through this test's proxy as the cluster's superuser, plus extra options. */
    static YsqlConnection connect(ProxiedServer server, String extra) throws SQLException {
        return Ysql.connect(server.conninfo() + " " + extra);
    }

    /** A cursor-API connection through a proxy the test manages itself, as the cluster's superuser, plus extra options. */
    static YsqlConnection connect(PgCluster cluster, FaultProxy proxy, String extra) throws SQLException {
        return Ysql.connect("host=" + proxy.host() + " port=" + proxy.port() + " dbname=" + cluster.database()
                + " user=" + cluster.superuser() + " password=" + cluster.superuserPassword() + " " + extra);
    }

    /** The JDBC URL of the cluster's database through {@code proxy}. */
    static String jdbcUrl(PgCluster cluster, FaultProxy proxy) {
        return "jdbc:ysql://" + proxy.host() + ":" + proxy.port() + "/" + cluster.database();
    }

    /** Waits until a backend of the cluster runs a statement that contains {@code marker}. */
    static void awaitRunning(PgCluster cluster, String marker) throws InterruptedException {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%" + marker
                + "%' AND pid <> pg_backend_pid()";
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (System.nanoTime() < deadline) {
            if (!"0".equals(cluster.psql(sql))) return;
            Thread.sleep(20);
        }
        throw new AssertionError("no backend started running " + marker);
    }

    /** Runs {@code work} on another thread; the caller gets its outcome from the future. */
    static <T> Future<T> inBackground(Callable<T> work) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fault-test-worker");
            t.setDaemon(true);
            return t;
        });
        Future<T> f = one.submit(work);
        one.shutdown();
        return f;
    }

    /** The SQLException in {@code t}'s cause chain (the first one). */
    static SQLException sqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) return e;
        }
        throw new AssertionError("no SQLException in " + t, t);
    }

    /** The connection failed with 08006 and is now closed, invalid and refuses further work with 08003. */
    static void assertBroken(Connection conn, Throwable thrown) throws SQLException {
        SQLException e = sqlException(thrown);
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isEqualTo("08006");
        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertClosedAfter(conn);
    }

    /** The connection is closed, invalid, and a new statement fails with 08003. */
    static void assertClosedAfter(Connection conn) throws SQLException {
        assertThat(conn.isValid(2)).isFalse();
        assertThat(conn.isClosed()).isTrue();
        Throwable after = Assertions.catchThrowable(() -> conn.createStatement().execute("SELECT 1"));
        assertThat(sqlException(after).getSQLState()).isEqualTo("08003");
    }
}
