package io.ysql.faults;

import static io.ysql.faults.Faults.ascii;
import static io.ysql.faults.Faults.assertBroken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.FaultProxy;
import io.ysql.testkit.FaultProxy.Direction;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ProxiedServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The network breaks under a working connection, through a {@link FaultProxy} in front of a real
 * server: a reset in the middle of a query, a batch, a long result, the TLS handshake or SCRAM
 * fails the call with 08006, and leaves the connection closed, invalid and refusing more work; a
 * stalled network is given up on after connect_timeout while connecting.
 */
@Timeout(value = Faults.HANG_GUARD_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetworkFaultsIT {
    private static final String TABLE = "network_faults_it";

    @RegisterExtension
    static final ProxiedServer server = ProxiedServer.toShared().withTable(TABLE, "id int, payload text");

    @Test
    void aResetDuringAQueryFailsIt() throws Exception {
        YsqlConnection conn = Faults.connect(server, "");
        Future<Boolean> sleeping = Faults.inBackground(
                () -> conn.createStatement().execute("SELECT pg_sleep(30) AS network_faults_mid_query"));
        Faults.awaitRunning(server.cluster(), "network_faults_mid_query");
        server.proxy().cut();
        ExecutionException e = (ExecutionException) catchThrowable(sleeping::get);
        assertBroken(conn, e.getCause());
    }

    @Test
    void aResetDuringABatchFailsIt() throws SQLException {
        YsqlConnection conn = Faults.connect(server, "");
        server.proxy().lastLink().cutAfterBytes(Direction.TO_SERVER, 40_000);
        PreparedStatement ps = conn.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?)");
        for (int i = 0; i < 5_000; i++) {
            ps.setInt(1, i);
            ps.setString(2, "batch row " + i);
            ps.addBatch();
        }
        assertBroken(conn, catchThrowable(ps::executeBatch));
    }

    @Test
    void aResetDuringALongResultFailsIt() throws SQLException {
        YsqlConnection conn = Faults.connect(server, "");
        server.proxy().lastLink().cutAt(Direction.TO_CLIENT, ascii("long-row-60000"));
        assertBroken(conn, readingAll(conn.createStatement(), "long-row-"));
    }

    @Test
    void aResetDuringALongResultReadInChunksFailsIt() throws SQLException {
        YsqlConnection conn = Faults.connect(server, "");
        Statement st = fetchingInChunks(conn, 1_000);
        server.proxy().lastLink().cutAt(Direction.TO_CLIENT, ascii("chunk-row-60000"));
        assertBroken(conn, readingAll(st, "chunk-row-"));
    }

    @Test
    void aResetInTheMiddleOfScramFailsTheConnect() {
        // the server's first SCRAM message carries the iteration count: the link dies instead of passing it on
        server.proxy().cutAt(Direction.TO_CLIENT, ascii(",i="));
        AuthRole scram = AuthRole.SCRAM;
        Throwable thrown = catchThrowable(() -> Ysql.connect(server.conninfo(scram.user(), scram.password())
                + " sslmode=disable"));
        assertConnectFailed(thrown);
        assertThat(server.proxy().lastLink().isCut()).isTrue();
    }

    @Test
    void aResetInTheMiddleOfTheTlsHandshakeFailsTheConnect() {
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
    }

    @Test
    void aStalledNetworkIsGivenUpOnAfterConnectTimeout() {
        server.proxy().stall();
        Throwable thrown = catchThrowable(() -> Faults.connect(server, "connect_timeout=2"));
        assertConnectFailed(thrown);
    }

    @Test
    void aStalledNetworkFailsAQueryAfterSocketTimeout() throws SQLException {
        YsqlConnection conn = Faults.connect(server, "socketTimeout=2");
        server.proxy().stall();
        assertBroken(conn, catchThrowable(() -> conn.createStatement().execute("SELECT 1")));
    }

    @Test
    void aNetworkStalledInTheMiddleOfAResultFailsAfterSocketTimeout() throws SQLException {
        YsqlConnection conn = Faults.connect(server, "socketTimeout=2");
        Statement st = fetchingInChunks(conn, 100);
        Throwable thrown = catchThrowable(() -> {
            try (ResultSet rs = st.executeQuery("SELECT 'stalled-row-' || g FROM generate_series(1, 200000) g")) {
                rs.next();
                server.proxy().stall();
                while (rs.next()) rs.getString(1);
            }
        });
        assertBroken(conn, thrown);
    }

    @Test
    void aHalfClosedConnectionFailsTheNextQuery() throws SQLException {
        YsqlConnection conn = Faults.connect(server, "");
        server.proxy().lastLink().halfClose(Direction.TO_CLIENT);
        assertBroken(conn, catchThrowable(() -> conn.createStatement().execute("SELECT 1")));
    }

    @Test
    void aCorruptedMessageLengthClosesTheConnection() throws SQLException {
        YsqlConnection conn = Faults.connect(server, "");
        // the first byte of the length of the server's next message (a RowDescription): a huge length
        long next = server.proxy().lastLink().forwarded(Direction.TO_CLIENT);
        server.proxy().lastLink().corrupt(Direction.TO_CLIENT, next + 1);
        Throwable thrown = catchThrowable(() -> conn.createStatement().executeQuery("SELECT 1"));
        SQLException e = Faults.sqlException(thrown);
        assertThat(e.getSQLState()).startsWith("08");
        Faults.assertClosedAfter(conn);
    }

    /** Reads every row of 200,000 values {@code prefix || n} with {@code st}; returns what it threw. */
    private static Throwable readingAll(Statement st, String prefix) {
        return catchThrowable(() -> {
            try (ResultSet rs = st.executeQuery("SELECT '" + prefix + "' || g FROM generate_series(1, 200000) g")) {
                while (rs.next()) rs.getString(1);
            }
        });
    }

    /** A statement whose results are read {@code rows} at a time (in a transaction, through a portal). */
    private static Statement fetchingInChunks(YsqlConnection conn, int rows) throws SQLException {
        conn.setAutoCommit(false);
        Statement st = conn.createStatement();
        st.setFetchSize(rows);
        return st;
    }

    /** A connect that met a network failure: class 08 (08001 after the attempt loop, 08006 on the wire). */
    private static void assertConnectFailed(Throwable thrown) {
        SQLException e = Faults.sqlException(thrown);
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isIn("08001", "08006");
    }
}
