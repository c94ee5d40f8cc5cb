package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysql.Cursor;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.errors.QueryCanceledError;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.TestCertificates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancels against real servers: {@code Statement.cancel}, {@code Cursor.cancel} and
 * {@code YsqlConnection.cancel} stop a running statement; a cancel racing with the statement's
 * completion never cancels the statement after it; and a TLS connection's cancel goes over TLS
 * negotiated the same way (a TLS front that accepts nothing but TLS relays to the server, so only a
 * TLS cancel can reach it).
 */
class CancelIT {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private final PgCluster cluster = PgCluster.shared();
    private ExecutorService threads;
    private YsqlConnection observer;

    @BeforeEach
    void open() throws SQLException {
        threads = Executors.newCachedThreadPool();
        observer = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
    }

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        observer.close();
    }

    private YsqlConnection connect() throws SQLException {
        return Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
    }

    @Test
    void aCancelRacingWithCompletionNeverCancelsTheNextStatement() throws Exception {
        try (YsqlConnection conn = connect(); Statement target = conn.createStatement();
             Statement next = conn.createStatement()) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger cancels = new AtomicInteger();
            Future<?> canceller = threads.submit(() -> {
                while (!stop.get()) {
                    target.cancel();
                    cancels.incrementAndGet();
                }
                return null;
            });
            int canceled = 0;
            try {
                for (int i = 0; i < 400; i++) {
                    try {
                        target.execute(i % 2 == 0 ? "SELECT 1" : "SELECT pg_sleep(0.001)");
                    } catch (SQLException e) {
                        assertThat(e.getSQLState()).isEqualTo("57014");
                        canceled++;
                    }
                    // never canceled: the cancel aimed at target, and is sent only while target runs
                    try (ResultSet rs = next.executeQuery("SELECT " + i)) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt(1)).isEqualTo(i);
                    }
                }
            } finally {
                stop.set(true);
                canceller.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            }
            System.Logger log = System.getLogger(CancelIT.class.getName());
            log.log(System.Logger.Level.INFO, "{0} cancel calls, {1} of 400 target statements canceled", cancels.get(), canceled);
        }
    }

    @Test
    void aCursorCancelRacingWithCompletionNeverCancelsTheNextStatement() throws Exception {
        try (YsqlConnection conn = connect(); Cursor target = conn.cursor(); Cursor next = conn.cursor()) {
            AtomicBoolean stop = new AtomicBoolean();
            Future<?> canceller = threads.submit(() -> {
                while (!stop.get()) target.cancel();
                return null;
            });
            try {
                for (int i = 0; i < 200; i++) {
                    try {
                        target.execute("SELECT pg_sleep(0.001)");
                    } catch (QueryCanceledError expected) {
                        // the race went either way
                    }
                    assertThat(next.execute("SELECT %s::int", i).fetchone().get(0)).isEqualTo(i);
                }
            } finally {
                stop.set(true);
                canceller.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void cancelWithNothingRunningSendsNothingAndTheConnectionGoesOn() throws SQLException {
        try (YsqlConnection conn = connect(); Statement st = conn.createStatement()) {
            st.cancel();
            conn.cancel();
            try (ResultSet rs = st.executeQuery("SELECT 7")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
    }

    @Test
    void connectionCancelStopsACursorStatement() throws Exception {
        try (YsqlConnection conn = connect(); Cursor cur = conn.cursor()) {
            Future<Throwable> outcome = threads.submit(() -> catchThrowable(() -> cur.execute("SELECT pg_sleep(60)")));
            awaitActive(conn.backendProcessId());
            conn.cancel();
            assertThat(outcome.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(QueryCanceledError.class);
            assertThat(cur.execute("SELECT 3").fetchone().get(0)).isEqualTo(3);
        }
    }

    @Test
    void aTlsConnectionCancelsOverTls() throws Exception {
        try (TlsFront front = new TlsFront(cluster.port())) {
            assertCancelThrough(front, "");
        }
    }

    @Test
    void aDirectTlsConnectionCancelsOverDirectTls() throws Exception {
        try (TlsFront front = new TlsFront(cluster.port(), true)) {
            assertCancelThrough(front, " sslnegotiation=direct");
        }
    }

    private void assertCancelThrough(TlsFront front, String extra) throws Exception {
        String conninfo = "host=localhost hostaddr=127.0.0.1 port=" + front.port() + " user=" + cluster.superuser()
                + " password=" + cluster.superuserPassword() + " dbname=" + cluster.database()
                + " sslmode=verify-full sslrootcert='" + TestCertificates.get().rootCert() + "'" + extra;
        try (YsqlConnection conn = Ysql.connect(conninfo); Statement st = conn.createStatement()) {
            assertThat(front.handshakes()).isEqualTo(1);
            Future<Throwable> outcome = threads.submit(() -> catchThrowable(() -> st.execute("SELECT pg_sleep(60)")));
            awaitActive(conn.backendProcessId());
            st.cancel();
            Throwable t = outcome.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(t).isInstanceOf(SQLException.class);
            assertThat(((SQLException) t).getSQLState()).isEqualTo("57014");
            assertThat(front.handshakes()).as("the session's and the cancel's TLS handshakes").isEqualTo(2);
            try (ResultSet rs = st.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void aCancelOnTheTlsClusterStopsTheStatement() throws Exception {
        PgCluster tls = PgCluster.sharedTls();
        String conninfo = tls.conninfo(AuthRole.SCRAM) + " sslmode=verify-full sslrootcert='"
                + TestCertificates.get().rootCert() + "'";
        try (YsqlConnection conn = Ysql.connect(conninfo); Statement st = conn.createStatement();
             YsqlConnection watcher = Ysql.connect(conninfo)) {
            Future<Throwable> outcome = threads.submit(() -> catchThrowable(() -> st.execute("SELECT pg_sleep(60)")));
            awaitActive(watcher, conn.backendProcessId());
            st.cancel();
            Throwable t = outcome.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(((SQLException) t).getSQLState()).isEqualTo("57014");
        }
    }

    private void awaitActive(int pid) throws SQLException {
        awaitActive(observer, pid);
    }

    /** Polls pg_stat_activity until backend {@code pid} runs pg_sleep. */
    static void awaitActive(YsqlConnection observer, int pid) throws SQLException {
        for (int i = 0; i < 10_000; i++) {
            try (Statement s = observer.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT state, query FROM pg_stat_activity WHERE pid = " + pid)) {
                if (rs.next() && "active".equals(rs.getString(1)) && rs.getString(2).contains("pg_sleep")) return;
            }
        }
        throw new AssertionError("backend " + pid + " never started running pg_sleep");
    }
}
