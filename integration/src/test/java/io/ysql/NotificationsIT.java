package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.error.ServerError;
import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LISTEN/NOTIFY through both APIs against a real server: a blocking wait that another
 * connection's NOTIFY ends while the listening connection runs nothing, listeners called from the
 * connection's delivery thread while other threads keep using the connection, notifications that
 * arrive with a query's answer, the bounded queue, and a terminated backend seen by a listener.
 */
class NotificationsIT {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private final PgCluster cluster = PgCluster.shared();
    private YsqlConnection conn;
    private YsqlConnection notifier;
    private ExecutorService threads;

    @BeforeEach
    void open() throws SQLException {
        conn = connect("");
        notifier = connect("");
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        conn.close();
        notifier.close();
    }

    private YsqlConnection connect(String extra) throws SQLException {
        return Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()) + extra);
    }

    private static void run(YsqlConnection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void aBlockingWaitEndsWithAnotherConnectionsNotifyWhileNothingRuns() throws Exception {
        run(conn, "LISTEN jobs");
        Future<Notification[]> waiting = threads.submit(() -> conn.getNotifications(0));

        run(notifier, "NOTIFY jobs, 'job 17'");

        Notification[] got = waiting.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        assertThat(got).extracting(Notification::channel, Notification::payload, Notification::processId)
                .containsExactly(tuple("jobs", "job 17", notifier.backendProcessId()));
        assertThat(conn.getNotifications()).isEmpty();
    }

    @Test
    void aWaitWithATimeoutReturnsEmptyWhenNothingCame() throws SQLException {
        run(conn, "LISTEN quiet");
        assertThat(conn.getNotifications(50)).isEmpty();
        assertThat(conn.getNotifications()).isEmpty();
        assertThat(conn.isValid(5)).isTrue();
    }

    @Test
    void aTlsConnectionWaitsPastReadTimeoutsAndStillReceives() throws Exception {
        PgCluster tls = PgCluster.sharedTls();
        String conninfo = tls.conninfo(io.ysql.testkit.AuthRole.SCRAM) + " sslmode=verify-full sslrootcert='"
                + io.ysql.testkit.TestCertificates.get().rootCert() + "'";
        try (YsqlConnection listening = Ysql.connect(conninfo); YsqlConnection sender = Ysql.connect(conninfo)) {
            run(listening, "LISTEN secure");
            assertThat(listening.getNotifications(300)).isEmpty(); // a TLS read that timed out
            assertThat(listening.getNotifications(300)).isEmpty();
            run(sender, "NOTIFY secure, 'over tls'");
            assertThat(listening.getNotifications(0)).extracting(Notification::payload).containsExactly("over tls");
            try (Statement st = listening.createStatement(); var rs = st.executeQuery("SELECT 11")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(11);
            }
        }
    }

    @Test
    void aNotificationThatArrivesWithAQueryAnswerIsKept() throws SQLException {
        run(conn, "LISTEN self");
        try (Statement st = conn.createStatement()) {
            st.execute("SELECT pg_notify('self', 'from the query')");
        }
        assertThat(conn.notifies()).extracting(Notification::channel, Notification::payload)
                .containsExactly(tuple("self", "from the query"));
    }

    @Test
    void aFullQueueDropsTheOldest() throws SQLException {
        try (YsqlConnection small = connect(" notification_queue_size=3")) {
            run(small, "LISTEN q");
            run(small, "SELECT pg_notify('q', i::text) FROM generate_series(1, 5) i");
            assertThat(small.getNotifications()).extracting(Notification::payload).containsExactly("3", "4", "5");
        }
    }

    @Test
    void listenersAreCalledWhileOtherThreadsUseTheConnection() throws Exception {
        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        Consumer<Notification> listener = received::add;
        run(conn, "LISTEN events");
        long without = roundTrips(200);
        conn.addNotificationListener(listener);

        // the delivery thread waits on the socket; the connection still answers everyone at once
        long with = assertTimeoutPreemptively(HANG_GUARD, () -> roundTrips(200));
        System.getLogger(NotificationsIT.class.getName()).log(System.Logger.Level.INFO,
                "200 queries: {0} ms without a listener, {1} ms with one", without / 1_000_000, with / 1_000_000);
        for (int i = 1; i <= 3; i++) run(notifier, "NOTIFY events, 'e" + i + "'");

        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 3; i++) payloads.add(received.poll(HANG_GUARD.toSeconds(), TimeUnit.SECONDS).payload());
        assertThat(payloads).containsExactly("e1", "e2", "e3");

        conn.removeNotificationListener(listener);
        String thread = "ysql-notifications-" + conn.backendProcessId();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(thread))) {
                Thread.sleep(20);
            }
        });
        run(notifier, "NOTIFY events, 'after'");
        assertThat(conn.getNotifications(0)).extracting(Notification::payload).containsExactly("after");
        assertThat(received.poll()).isNull();
    }

    /** Runs {@code n} queries on {@code conn}, checking each answer; returns the nanoseconds taken. */
    private long roundTrips(int n) throws SQLException {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (Statement st = conn.createStatement(); var rs = st.executeQuery("SELECT " + i)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(i);
            }
        }
        return System.nanoTime() - start;
    }

    @Test
    void aListenerSeesTheConnectionEndWhenItsBackendIsTerminated() throws Exception {
        conn.addNotificationListener(n -> { });
        run(notifier, "SELECT pg_terminate_backend(" + conn.backendProcessId() + ")");
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            while (!conn.isClosed()) Thread.sleep(20);
        });
        assertThat(conn.isValid(1)).isFalse();
    }

    @Test
    void notifiesIteratesAsNotificationsArrive() throws Exception {
        run(conn, "LISTEN feed");
        Future<List<String>> reader = threads.submit(() -> {
            List<String> out = new ArrayList<>();
            for (Notification n : conn.notifies(HANG_GUARD)) {
                out.add(n.payload());
                if (out.size() == 2) break;
            }
            return out;
        });
        run(notifier, "NOTIFY feed, 'a'");
        run(notifier, "NOTIFY feed, 'b'");
        assertThat(reader.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).containsExactly("a", "b");

        List<Notification> none = new ArrayList<>();
        conn.notifies(Duration.ofMillis(50)).forEach(none::add);
        assertThat(none).isEmpty();
    }

    @Test
    void noticesBecomeStatementWarningsAndReachTheHandler() throws SQLException {
        List<ServerError> handled = new CopyOnWriteArrayList<>();
        conn.setNoticeHandler(handled::add);
        try (Statement st = conn.createStatement()) {
            st.execute("DO $$BEGIN RAISE NOTICE 'hello %', 1; RAISE WARNING 'careful'; END$$");
            assertThat((Object) st.getWarnings()).isNotNull();
            assertThat(st.getWarnings().getMessage()).contains("hello 1");
            assertThat(st.getWarnings().getSQLState()).isEqualTo("00000");
            assertThat(st.getWarnings().getNextWarning().getMessage()).contains("careful");
            assertThat(st.getWarnings().getNextWarning().getSQLState()).isEqualTo("01000");
        }
        try (var ps = conn.prepareStatement("DO $$BEGIN RAISE NOTICE 'prepared'; END$$")) {
            ps.execute();
            assertThat(ps.getWarnings().getMessage()).contains("prepared");
        }
        assertThat(handled).extracting(ServerError::message).containsExactly("hello 1", "careful", "prepared");
    }

    @Test
    void theLastFiftyNoticesAreKept() throws SQLException {
        try (Cursor cur = conn.cursor()) {
            cur.execute("DO $$BEGIN FOR i IN 1..60 LOOP RAISE NOTICE 'n%%', i; END LOOP; END$$");
        }
        List<ServerError> kept = conn.notices();
        assertThat(kept).hasSize(50);
        assertThat(kept.get(0).message()).isEqualTo("n11");
        assertThat(kept.get(49).message()).isEqualTo("n60");
    }
}
