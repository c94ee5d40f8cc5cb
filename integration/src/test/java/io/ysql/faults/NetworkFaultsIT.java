package io.ysql.faults;

import static io.ysql.faults.Faults.HANG_GUARD;
import static io.ysql.faults.Faults.ascii;
import static io.ysql.faults.Faults.assertBroken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.FaultProxy;
import io.ysql.testkit.FaultProxy.Direction;
import io.ysql.testkit.PgCluster;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network breaks under a working connection, through a {@link FaultProxy} in front of a real
 * server: a reset in the middle of a query, a batch, a long result, the TLS handshake or SCRAM
 * fails the call with 08006, and leaves the connection closed, invalid and refusing more work; a
 * stalled network is given up on after connect_timeout while connecting.
 */
class NetworkFaultsIT {
    private static final String TABLE = "network_faults_it";
    private static PgCluster cluster;
    private FaultProxy proxy;

    @BeforeAll
    static void table() {
        cluster = PgCluster.shared();
        cluster.psql("DROP TABLE IF EXISTS " + TABLE + "; CREATE TABLE " + TABLE + " (id int, payload text)");
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.to(cluster);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void aResetDuringAQueryFailsIt() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            Future<Boolean> sleeping = Faults.inBackground(
                    () -> conn.createStatement().execute("SELECT pg_sleep(30) AS network_faults_mid_query"));
            Faults.awaitRunning(cluster, "network_faults_mid_query");
            proxy.cut();
            ExecutionException e = (ExecutionException) catchThrowable(sleeping::get);
            assertBroken(conn, e.getCause());
        });
    }

    @Test
    void aResetDuringABatchFailsIt() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            proxy.lastLink().cutAfterBytes(Direction.TO_SERVER, 40_000);
            PreparedStatement ps = conn.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?)");
            for (int i = 0; i < 5_000; i++) {
                ps.setInt(1, i);
                ps.setString(2, "batch row " + i);
                ps.addBatch();
            }
            assertBroken(conn, catchThrowable(ps::executeBatch));
        });
    }

    @Test
    void aResetDuringALongResultFailsIt() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            proxy.lastLink().cutAt(Direction.TO_CLIENT, ascii("long-row-60000"));
            Statement st = conn.createStatement();
            Throwable thrown = catchThrowable(() -> {
                try (ResultSet rs = st.executeQuery("SELECT 'long-row-' || g FROM generate_series(1, 200000) g")) {
                    while (rs.next()) rs.getString(1);
                }
            });
            assertBroken(conn, thrown);
        });
    }

    @Test
    void aResetDuringALongResultReadInChunksFailsIt() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            conn.setAutoCommit(false);
            Statement st = conn.createStatement();
            st.setFetchSize(1_000);
            proxy.lastLink().cutAt(Direction.TO_CLIENT, ascii("chunk-row-60000"));
            Throwable thrown = catchThrowable(() -> {
                try (ResultSet rs = st.executeQuery("SELECT 'chunk-row-' || g FROM generate_series(1, 200000) g")) {
                    while (rs.next()) rs.getString(1);
                }
            });
            assertBroken(conn, thrown);
        });
    }

    @Test
    void aResetInTheMiddleOfScramFailsTheConnect() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            // the server's first SCRAM message carries the iteration count: the link dies instead of passing it on
            proxy.cutAt(Direction.TO_CLIENT, ascii(",i="));
            AuthRole scram = AuthRole.SCRAM;
            Throwable thrown = catchThrowable(() -> Ysql.connect("host=" + proxy.host() + " port=" + proxy.port()
                    + " dbname=" + cluster.database() + " user=" + scram.user() + " password=" + scram.password()
                    + " sslmode=disable"));
            assertConnectFailed(thrown);
            assertThat(proxy.lastLink().isCut()).isTrue();
        });
    }

    @Test
    void aResetInTheMiddleOfTheTlsHandshakeFailsTheConnect() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            PgCluster tls = PgCluster.sharedTls();
            try (FaultProxy tlsProxy = FaultProxy.to(tls)) {
                // 'S', then the first bytes of the ServerHello, then a reset
                tlsProxy.cutAfterBytes(Direction.TO_CLIENT, 40);
                Throwable thrown = catchThrowable(() -> Ysql.connect("host=" + tlsProxy.host() + " port="
                        + tlsProxy.port() + " dbname=" + tls.database() + " user=" + tls.superuser() + " password="
                        + tls.superuserPassword() + " sslmode=require"));
                assertConnectFailed(thrown);
                assertThat(tlsProxy.lastLink().isCut()).isTrue();
            }
        });
    }

    @Test
    void aStalledNetworkIsGivenUpOnAfterConnectTimeout() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            proxy.stall();
            Throwable thrown = catchThrowable(() -> Faults.connect(cluster, proxy, "connect_timeout=2"));
            assertConnectFailed(thrown);
        });
    }

    @Test
    void aStalledNetworkFailsAQueryAfterSocketTimeout() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "socketTimeout=2");
            proxy.stall();
            assertBroken(conn, catchThrowable(() -> conn.createStatement().execute("SELECT 1")));
        });
    }

    @Test
    void aNetworkStalledInTheMiddleOfAResultFailsAfterSocketTimeout() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "socketTimeout=2");
            conn.setAutoCommit(false);
            Statement st = conn.createStatement();
            st.setFetchSize(100);
            Throwable thrown = catchThrowable(() -> {
                try (ResultSet rs = st.executeQuery("SELECT 'stalled-row-' || g FROM generate_series(1, 200000) g")) {
                    rs.next();
                    proxy.stall();
                    while (rs.next()) rs.getString(1);
                }
            });
            assertBroken(conn, thrown);
        });
    }

    @Test
    void aHalfClosedConnectionFailsTheNextQuery() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            proxy.lastLink().halfClose(Direction.TO_CLIENT);
            assertBroken(conn, catchThrowable(() -> conn.createStatement().execute("SELECT 1")));
        });
    }

    @Test
    void aCorruptedMessageLengthClosesTheConnection() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = Faults.connect(cluster, proxy, "");
            // the first byte of the length of the server's next message (a RowDescription): a huge length
            long next = proxy.lastLink().forwarded(Direction.TO_CLIENT);
            proxy.lastLink().corrupt(Direction.TO_CLIENT, next + 1);
            Throwable thrown = catchThrowable(() -> conn.createStatement().executeQuery("SELECT 1"));
            SQLException e = Faults.sqlException(thrown);
            assertThat(e.getSQLState()).startsWith("08");
            Faults.assertClosedAfter(conn);
        });
    }

    /** A connect that met a network failure: class 08 (08001 after the attempt loop, 08006 on the wire). */
    private static void assertConnectFailed(Throwable thrown) {
        SQLException e = Faults.sqlException(thrown);
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isIn("08001", "08006");
    }
}
