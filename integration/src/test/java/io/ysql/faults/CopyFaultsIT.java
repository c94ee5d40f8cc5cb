package io.ysql.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.CopyIn;
import io.ysql.CopyOut;
import io.ysql.testkit.FaultProxy;
import io.ysql.testkit.FaultProxy.Direction;
import io.ysql.testkit.PgCluster;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network breaks in the middle of a COPY, through a {@link FaultProxy} in front of a real
 * server: a reset while the client writes COPY FROM STDIN data or reads COPY TO STDOUT data, and a
 * stall under socket_timeout (while reading, while waiting for the end, and while a write is
 * blocked on full socket buffers), each fail the copy with 08006; the connection is then closed and
 * invalid, the table holds none of the interrupted copy's rows, and no driver thread is left.
 */
class CopyFaultsIT {
    private static final String TABLE = "copy_faults_it";
    /** Only catches hangs; no test depends on how fast a fault is noticed. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(90);
    private static PgCluster cluster;
    private FaultProxy proxy;
    private List<String> threadsBefore;

    @BeforeAll
    static void table() {
        cluster = PgCluster.shared();
        cluster.psql("DROP TABLE IF EXISTS " + TABLE + "; CREATE TABLE " + TABLE + " (tag text, n int, payload text)");
    }

    @BeforeEach
    void startProxy() {
        threadsBefore = driverThreads();
        proxy = FaultProxy.to(cluster);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
        assertThat(threadsBefore).as("driver threads left behind").containsAll(driverThreads());
    }

    @Test
    void aResetWhileWritingCopyInDataFailsTheCopyAndCommitsNothing() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = connect("");
            proxy.lastLink().cutAfterBytes(Direction.TO_SERVER, 300_000);
            Throwable thrown = catchThrowable(() -> {
                try (CopyIn in = conn.copyIn("COPY " + TABLE + " FROM STDIN")) {
                    writeRows(in, "reset-in", 1_000_000);
                    in.end();
                }
            });
            assertBroken(conn, thrown);
            assertNoRows("reset-in");
        });
    }

    @Test
    void aResetWhileReadingCopyOutDataFailsTheCopy() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = connect("");
            proxy.lastLink().cutAt(Direction.TO_CLIENT, ascii("copy-out-row-60000"));
            Throwable thrown = catchThrowable(() -> {
                try (CopyOut out = conn.copyOut(
                        "COPY (SELECT 'copy-out-row-' || g FROM generate_series(1, 200000) g) TO STDOUT")) {
                    while (out.readChunk() != null) {
                        // drain until the cut
                    }
                }
            });
            assertBroken(conn, thrown);
        });
    }

    @Test
    void aStallWhileReadingCopyOutDataFailsAfterSocketTimeout() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = connect("socket_timeout=2");
            Throwable thrown = catchThrowable(() -> {
                try (CopyOut out = conn.copyOut(
                        "COPY (SELECT 'stalled-row-' || g FROM generate_series(1, 2000000) g) TO STDOUT")) {
                    assertThat(out.readChunk()).isNotNull();
                    proxy.stall();
                    while (out.readChunk() != null) {
                        // what was already in flight, then silence
                    }
                }
            });
            assertBroken(conn, thrown);
        });
    }

    @Test
    void aStallBeforeCopyInEndsFailsAfterSocketTimeoutAndCommitsNothing() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = connect("socket_timeout=2");
            Throwable thrown = catchThrowable(() -> {
                try (CopyIn in = conn.copyIn("COPY " + TABLE + " FROM STDIN")) {
                    writeRows(in, "stall-end", 1_000);
                    proxy.stall();
                    writeRows(in, "stall-end", 1_000);
                    in.end();
                }
            });
            assertBroken(conn, thrown);
            // the server's side is reset with CopyDone still held in the stalled link: the copy rolls back
            proxy.cut();
            assertNoRows("stall-end");
        });
    }

    @Test
    void aStallWhileWritingCopyInDataFailsAfterSocketTimeoutAndCommitsNothing() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            YsqlConnection conn = connect("socket_timeout=2");
            Throwable thrown = catchThrowable(() -> {
                try (CopyIn in = conn.copyIn("COPY " + TABLE + " FROM STDIN")) {
                    writeRows(in, "stall-in", 1_000);
                    proxy.stall();
                    // far more than the socket buffers hold: a write blocks once they are full, and
                    // the socket_timeout bounds it as it bounds a read
                    writeRows(in, "stall-in", 2_000_000);
                    in.end();
                }
            });
            assertBroken(conn, thrown);
            proxy.cut();
            assertNoRows("stall-in");
        });
    }

    private YsqlConnection connect(String extra) throws SQLException {
        return Ysql.connect("host=" + proxy.host() + " port=" + proxy.port() + " dbname=" + cluster.database()
                + " user=" + cluster.superuser() + " password=" + cluster.superuserPassword() + " sslmode=disable "
                + extra);
    }

    private static void writeRows(CopyIn in, String tag, int rows) throws SQLException {
        for (int i = 0; i < rows; i++) {
            in.write(ascii(tag + "\t" + i + "\tsome payload to make the row a little longer " + i + "\n"));
        }
    }

    private static void assertNoRows(String tag) {
        assertThat(cluster.psql("SELECT count(*) FROM " + TABLE + " WHERE tag = '" + tag + "'"))
                .as("rows of the interrupted copy").isEqualTo("0");
    }

    /** The copy failed with 08006, and the connection is closed, invalid and refuses more work with 08003. */
    private static void assertBroken(YsqlConnection conn, Throwable thrown) throws SQLException {
        SQLException e = sqlException(thrown);
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isEqualTo("08006");
        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(conn.isValid(2)).isFalse();
        assertThat(conn.isClosed()).isTrue();
        Throwable after = catchThrowable(() -> conn.createStatement().execute("SELECT 1"));
        assertThat(sqlException(after).getSQLState()).isEqualTo("08003");
    }

    private static SQLException sqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) return e;
        }
        throw new AssertionError("no SQLException in " + t, t);
    }

    private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    private static List<String> driverThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith("ysql"))
                .toList();
    }
}
