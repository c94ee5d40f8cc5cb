package io.ysql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysql.TransactionId;
import io.ysql.YsqlConnection;
import io.ysql.errors.ProgrammingError;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two-phase commit against a server of its own that allows prepared transactions: the XA data
 * source's resource (prepare, commit, rollback, one-phase commit, recovery from another connection
 * after the preparing one closed, join/suspend, the XAER codes) and the cursor API's tpc methods,
 * whose ids the XA side recovers too.
 */
class TwoPhaseCommitIT {
    private static PgCluster cluster;
    private static YsqlXADataSource ds;

    @BeforeAll
    static void start() throws SQLException {
        cluster = PgCluster.start(PgCluster.Settings.builder().addConfLine("max_prepared_transactions = 10").build());
        ds = new YsqlXADataSource();
        ds.setUrl(cluster.jdbcUrl());
        ds.setUser(cluster.superuser());
        ds.setPassword(cluster.superuserPassword());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE xa_items (id int PRIMARY KEY)");
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    @BeforeEach
    void clean() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE xa_items");
            List<String> gids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT gid FROM pg_prepared_xacts")) {
                while (rs.next()) gids.add(rs.getString(1));
            }
            for (String g : gids) st.execute("ROLLBACK PREPARED '" + g + "'");
        }
    }

    private static List<Integer> ids() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM xa_items ORDER BY id")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    private static void insert(Connection c, int id) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO xa_items VALUES (" + id + ")");
        }
    }

    private static XAException xaThrown(XaCall call) {
        Throwable t = catchThrowable(call::run);
        assertThat(t).isInstanceOf(XAException.class);
        return (XAException) t;
    }

    interface XaCall {
        void run() throws Exception;
    }

    @Test
    void prepareThenCommitFromAnotherConnectionAfterTheFirstClosed() throws Exception {
        Xid xid = TransactionId.of(4711, "global-1", "branch-1");
        XAConnection first = ds.getXAConnection();
        XAResource r = first.getXAResource();
        r.start(xid, XAResource.TMNOFLAGS);
        Connection c = first.getConnection();
        insert(c, 1);
        SQLException refused = catchSql(c::commit);
        assertThat(refused.getSQLState()).isEqualTo("55000");
        r.end(xid, XAResource.TMSUCCESS);
        assertThat(r.prepare(xid)).isEqualTo(XAResource.XA_OK);
        first.close(); // a crash after prepare: the transaction survives on the server
        assertThat(ids()).isEmpty();

        XAConnection second = ds.getXAConnection();
        try {
            XAResource r2 = second.getXAResource();
            Xid[] found = r2.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
            assertThat(found).hasSize(1);
            assertThat(TransactionId.same(found[0], xid)).isTrue();
            assertThat(r2.recover(XAResource.TMNOFLAGS)).isEmpty();
            r2.commit(found[0], false);
            assertThat(ids()).containsExactly(1);
            XAException gone = xaThrown(() -> r2.commit(xid, false));
            assertThat(gone.errorCode).isEqualTo(XAException.XAER_NOTA);
            assertThat(gone.getCause()).isInstanceOf(SQLException.class);
        } finally {
            second.close();
        }
    }

    @Test
    void rollbackOfPreparedAndOfActiveBranches() throws Exception {
        XAConnection xc = ds.getXAConnection();
        try {
            XAResource r = xc.getXAResource();
            Connection c = xc.getConnection();
            Xid a = TransactionId.of(1, "a", "1");
            r.start(a, XAResource.TMNOFLAGS);
            insert(c, 1);
            r.end(a, XAResource.TMSUCCESS);
            r.prepare(a);
            r.rollback(a);

            Xid b = TransactionId.of(1, "b", "1");
            r.start(b, XAResource.TMNOFLAGS);
            insert(c, 2);
            r.end(b, XAResource.TMFAIL);
            r.rollback(b);
            assertThat(c.getAutoCommit()).as("autocommit is restored after the branch").isTrue();
            assertThat(ids()).isEmpty();
            assertThat(r.recover(XAResource.TMSTARTRSCAN)).isEmpty();
        } finally {
            xc.close();
        }
    }

    @Test
    void onePhaseCommitAndReadOnlyBranch() throws Exception {
        XAConnection xc = ds.getXAConnection();
        try {
            XAResource r = xc.getXAResource();
            Connection c = xc.getConnection();
            Xid x = TransactionId.of(7, "one", "phase");
            r.start(x, XAResource.TMNOFLAGS);
            insert(c, 5);
            r.end(x, XAResource.TMSUCCESS);
            r.commit(x, true);
            assertThat(ids()).containsExactly(5);

            Xid empty = TransactionId.of(7, "nothing", "ran");
            r.start(empty, XAResource.TMNOFLAGS);
            r.end(empty, XAResource.TMSUCCESS);
            assertThat(r.prepare(empty)).isEqualTo(XAResource.XA_RDONLY);
            assertThat(r.recover(XAResource.TMSTARTRSCAN)).isEmpty();
        } finally {
            xc.close();
        }
    }

    @Test
    void suspendResumeAndJoinOnTheSameConnection() throws Exception {
        XAConnection xc = ds.getXAConnection();
        try {
            XAResource r = xc.getXAResource();
            Connection c = xc.getConnection();
            Xid x = TransactionId.of(3, "join", "1");
            r.start(x, XAResource.TMNOFLAGS);
            insert(c, 1);
            r.end(x, XAResource.TMSUSPEND);
            r.start(x, XAResource.TMRESUME);
            insert(c, 2);
            r.end(x, XAResource.TMSUCCESS);
            r.start(x, XAResource.TMJOIN);
            insert(c, 3);
            r.end(x, XAResource.TMSUCCESS);
            Xid other = TransactionId.of(3, "other", "1");
            assertThat(xaThrown(() -> r.start(other, XAResource.TMJOIN)).errorCode).isEqualTo(XAException.XAER_RMERR);
            assertThat(xaThrown(() -> r.start(other, XAResource.TMNOFLAGS)).errorCode).isEqualTo(XAException.XAER_PROTO);
            r.prepare(x);
            r.commit(x, false);
            assertThat(ids()).containsExactly(1, 2, 3);
        } finally {
            xc.close();
        }
    }

    @Test
    void protocolErrorsHaveTheirXaCodes() throws Exception {
        XAConnection xc = ds.getXAConnection();
        XAConnection other = ds.getXAConnection();
        try {
            XAResource r = xc.getXAResource();
            Xid x = TransactionId.of(9, "codes", "1");
            assertThat(xaThrown(() -> r.end(x, XAResource.TMSUCCESS)).errorCode).isEqualTo(XAException.XAER_NOTA);
            assertThat(xaThrown(() -> r.start(x, 12345)).errorCode).isEqualTo(XAException.XAER_INVAL);
            assertThat(xaThrown(() -> r.start(null, XAResource.TMNOFLAGS)).errorCode).isEqualTo(XAException.XAER_INVAL);
            assertThat(xaThrown(() -> r.rollback(x)).errorCode).isEqualTo(XAException.XAER_NOTA);
            assertThat(xaThrown(() -> r.forget(x)).errorCode).isEqualTo(XAException.XAER_NOTA);
            r.start(x, XAResource.TMNOFLAGS);
            assertThat(xaThrown(() -> r.prepare(x)).errorCode).isEqualTo(XAException.XAER_PROTO);
            assertThat(xaThrown(() -> other.getXAResource().prepare(x)).errorCode).isEqualTo(XAException.XAER_NOTA);
            r.end(x, XAResource.TMSUCCESS);
            r.rollback(x);
            assertThat(r.isSameRM(r)).isTrue();
            assertThat(r.isSameRM(other.getXAResource())).isFalse();
            assertThat(r.setTransactionTimeout(10)).isFalse();
        } finally {
            xc.close();
            other.close();
        }
    }

    @Test
    void cursorApiTwoPhaseCommitSharesTheEncodingWithXa() throws Exception {
        try (YsqlConnection conn = ds.getConnection().unwrap(YsqlConnection.class)) {
            TransactionId xid = conn.xid(42, "cursor-gtrid", "cursor-bqual");
            assertThat(catchThrowable(() -> conn.tpcBegin(xid))).as("autocommit on").isInstanceOf(ProgrammingError.class);
            conn.setAutoCommit(false);
            conn.tpcBegin(xid);
            conn.cursor().execute("INSERT INTO xa_items VALUES (%s)", 10);
            assertThat(catchThrowable(conn::commit)).isInstanceOf(ProgrammingError.class);
            conn.tpcPrepare();
            List<TransactionId> found = conn.tpcRecover();
            assertThat(found).hasSize(1);
            TransactionId r = found.get(0);
            assertThat(r.formatId()).isEqualTo(42);
            assertThat(r.gtrid()).isEqualTo("cursor-gtrid");
            assertThat(r.bqual()).isEqualTo("cursor-bqual");
            assertThat(r.database()).isEqualTo(cluster.database());
            assertThat(r.owner()).isEqualTo(cluster.superuser());
            assertThat(r.prepared()).isNotNull();
            assertThat(r.gid()).isEqualTo("42_" + b64("cursor-gtrid") + "_" + b64("cursor-bqual"));
            conn.tpcCommit();
        }
        assertThat(ids()).containsExactly(10);

        try (YsqlConnection conn = ds.getConnection().unwrap(YsqlConnection.class)) {
            conn.setAutoCommit(false);
            conn.tpcBegin("plain gid");
            conn.cursor().execute("INSERT INTO xa_items VALUES (11)");
            conn.tpcPrepare();
        }
        try (YsqlConnection conn = ds.getConnection().unwrap(YsqlConnection.class)) {
            TransactionId plain = conn.tpcRecover().get(0);
            assertThat(plain.formatId()).isNull();
            assertThat(plain.gtrid()).isEqualTo("plain gid");
            conn.tpcRollback(plain);
            assertThat(conn.tpcRecover()).isEmpty();
            assertThat(catchThrowable(conn::tpcPrepare)).isInstanceOf(ProgrammingError.class);

            conn.setAutoCommit(false);
            conn.tpcBegin(conn.xid(1, "one", "phase"));
            conn.cursor().execute("INSERT INTO xa_items VALUES (12)");
            conn.tpcCommit(); // not prepared: one phase
        }
        assertThat(ids()).containsExactly(10, 12);
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static SQLException catchSql(XaCall call) {
        Throwable t = catchThrowable(call::run);
        assertThat(t).isInstanceOf(SQLException.class);
        return (SQLException) t;
    }

    @Test
    void xidEncodingMatchesPgjdbc() {
        Xid x = TransactionId.of(0, "g", "b");
        assertThat(TransactionId.gid(x)).isEqualTo("0_Zw==_Yg==");
        Xid back = TransactionId.decode("0_Zw==_Yg==");
        assertThat(back.getFormatId()).isZero();
        assertThat(Arrays.equals(back.getGlobalTransactionId(), "g".getBytes())).isTrue();
        assertThat(TransactionId.decode("not_an_xid_at all")).isNull();
    }
}
