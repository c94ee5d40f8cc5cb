package io.ysql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysql.TransactionId;
import io.ysql.YsqlConnection;
import io.ysql.errors.ProgrammingError;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.PgClusterExtension;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two-phase commit against a server of its own that allows prepared transactions: the XA data
 * source's resource (prepare, commit, rollback, one-phase commit, recovery from another connection
 * after the preparing one closed, join/suspend, the XAER codes) and the cursor API's tpc methods,
 * whose ids the XA side recovers too.
 */
class TwoPhaseCommitIT {
    @RegisterExtension
    static final PgClusterExtension server = PgClusterExtension
            .of(PgCluster.Settings.builder().addConfLine("max_prepared_transactions = 10").build())
            .afterStart(cluster -> cluster.psql("CREATE TABLE xa_items (id int PRIMARY KEY)"));
    private static YsqlXADataSource ds;
    private final PgCluster cluster = server.cluster();

    @BeforeAll
    static void dataSource() {
        PgCluster own = server.cluster();
        ds = new YsqlXADataSource();
        ds.setUrl(own.jdbcUrl());
        ds.setUser(own.superuser());
        ds.setPassword(own.superuserPassword());
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

    /** An XA connection, its resource and, when asked for, one connection handle; closed together. */
    private record XaSession(XAConnection xa, XAResource resource, Connection handle) implements AutoCloseable {
        static XaSession open() throws SQLException {
            XAConnection xa = ds.getXAConnection();
            return new XaSession(xa, xa.getXAResource(), null);
        }

        /** With the handle taken before any branch starts. */
        static XaSession openWithHandle() throws SQLException {
            XaSession session = open();
            try {
                return new XaSession(session.xa, session.resource, session.xa.getConnection());
            } catch (SQLException | RuntimeException e) {
                session.close();
                throw e;
            }
        }

        /** Starts branch {@code xid} with {@code startFlags}, inserts {@code ids} through the handle, ends it with {@code endFlags}. */
        void branch(Xid xid, int startFlags, int endFlags, int... ids) throws XAException, SQLException {
            resource.start(xid, startFlags);
            for (int id : ids) insert(handle, id);
            resource.end(xid, endFlags);
        }

        @Override
        public void close() throws SQLException {
            xa.close();
        }
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

        try (XaSession second = XaSession.open()) {
            XAResource r2 = second.resource();
            Xid[] found = r2.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
            assertThat(found).hasSize(1);
            assertThat(TransactionId.same(found[0], xid)).isTrue();
            assertThat(r2.recover(XAResource.TMNOFLAGS)).isEmpty();
            r2.commit(found[0], false);
            assertThat(ids()).containsExactly(1);
            XAException gone = xaThrown(() -> r2.commit(xid, false));
            assertThat(gone.errorCode).isEqualTo(XAException.XAER_NOTA);
            assertThat(gone.getCause()).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void rollbackOfPreparedAndOfActiveBranches() throws Exception {
        try (XaSession xs = XaSession.openWithHandle()) {
            XAResource r = xs.resource();
            Xid a = TransactionId.of(1, "a", "1");
            xs.branch(a, XAResource.TMNOFLAGS, XAResource.TMSUCCESS, 1);
            r.prepare(a);
            r.rollback(a);

            Xid b = TransactionId.of(1, "b", "1");
            xs.branch(b, XAResource.TMNOFLAGS, XAResource.TMFAIL, 2);
            r.rollback(b);
            assertThat(xs.handle().getAutoCommit()).as("autocommit is restored after the branch").isTrue();
            assertThat(ids()).isEmpty();
            assertThat(r.recover(XAResource.TMSTARTRSCAN)).isEmpty();
        }
    }

    @Test
    void onePhaseCommitAndReadOnlyBranch() throws Exception {
        try (XaSession xs = XaSession.openWithHandle()) {
            XAResource r = xs.resource();
            Xid x = TransactionId.of(7, "one", "phase");
            xs.branch(x, XAResource.TMNOFLAGS, XAResource.TMSUCCESS, 5);
            r.commit(x, true);
            assertThat(ids()).containsExactly(5);

            Xid empty = TransactionId.of(7, "nothing", "ran");
            xs.branch(empty, XAResource.TMNOFLAGS, XAResource.TMSUCCESS);
            assertThat(r.prepare(empty)).isEqualTo(XAResource.XA_RDONLY);
            assertThat(r.recover(XAResource.TMSTARTRSCAN)).isEmpty();
        }
    }

    @Test
    void suspendResumeAndJoinOnTheSameConnection() throws Exception {
        try (XaSession xs = XaSession.openWithHandle()) {
            XAResource r = xs.resource();
            Xid x = TransactionId.of(3, "join", "1");
            xs.branch(x, XAResource.TMNOFLAGS, XAResource.TMSUSPEND, 1);
            xs.branch(x, XAResource.TMRESUME, XAResource.TMSUCCESS, 2);
            xs.branch(x, XAResource.TMJOIN, XAResource.TMSUCCESS, 3);
            Xid other = TransactionId.of(3, "other", "1");
            assertThat(xaThrown(() -> r.start(other, XAResource.TMJOIN)).errorCode).isEqualTo(XAException.XAER_RMERR);
            assertThat(xaThrown(() -> r.start(other, XAResource.TMNOFLAGS)).errorCode).isEqualTo(XAException.XAER_PROTO);
            r.prepare(x);
            r.commit(x, false);
            assertThat(ids()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void protocolErrorsHaveTheirXaCodes() throws Exception {
        try (XaSession xs = XaSession.open(); XaSession other = XaSession.open()) {
            XAResource r = xs.resource();
            Xid x = TransactionId.of(9, "codes", "1");
            assertThat(xaThrown(() -> r.end(x, XAResource.TMSUCCESS)).errorCode).isEqualTo(XAException.XAER_NOTA);
            assertThat(xaThrown(() -> r.start(x, 12345)).errorCode).isEqualTo(XAException.XAER_INVAL);
            assertThat(xaThrown(() -> r.start(null, XAResource.TMNOFLAGS)).errorCode).isEqualTo(XAException.XAER_INVAL);
            assertThat(xaThrown(() -> r.rollback(x)).errorCode).isEqualTo(XAException.XAER_NOTA);
            assertThat(xaThrown(() -> r.forget(x)).errorCode).isEqualTo(XAException.XAER_NOTA);
            r.start(x, XAResource.TMNOFLAGS);
            assertThat(xaThrown(() -> r.prepare(x)).errorCode).isEqualTo(XAException.XAER_PROTO);
            assertThat(xaThrown(() -> other.resource().prepare(x)).errorCode).isEqualTo(XAException.XAER_NOTA);
            r.end(x, XAResource.TMSUCCESS);
            r.rollback(x);
            assertThat(r.isSameRM(r)).isTrue();
            assertThat(r.isSameRM(other.resource())).isFalse();
            assertThat(r.setTransactionTimeout(10)).isFalse();
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
