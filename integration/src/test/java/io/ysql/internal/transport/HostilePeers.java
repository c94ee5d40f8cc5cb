package io.ysql.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.error.HasServerError;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.CommandComplete;
import io.ysql.internal.wire.backend.DataRow;
import io.ysql.internal.wire.backend.ReadyForQuery;
import io.ysql.internal.wire.backend.RowDescription;
import io.ysql.internal.wire.frontend.Query;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the tests against scripted hostile peers share: one distinctive password that must never
 * leak, conninfo strings for a {@link ScriptedServer}, a one-row query answer, and the checks
 * that a failure is an exception (not a hang), carries no secret, and leaves the connection closed.
 */
public final class HostilePeers {
    /** Distinctive enough that any occurrence in a message is a leak, not a coincidence. */
    public static final String PASSWORD = "Zq-7f3a9-hostile-peer-Secret";
    public static final String USER = "victim";
    /** Generous: only to turn a hang into a failure. */
    public static final Duration HANG_LIMIT = Duration.ofSeconds(30);

    private HostilePeers() {}

    /** A conninfo for {@code server} with the shared user and password, plus {@code extra} options. */
    public static String conninfo(ScriptedServer server, String extra) {
        return "host=" + server.host() + " port=" + server.port() + " user=" + USER + " dbname=fake password="
                + PASSWORD + " connect_timeout=10 " + extra;
    }

    /** A script that completes startup (plain, trust) and then waits for one Query. */
    public static Script untilQuery() {
        return Script.create().expectStartup().authenticateOk().expect(Query.class);
    }

    public static RowDescription intColumn(String name) {
        return new RowDescription(new RowDescription.Field[] {
                new RowDescription.Field(name, 0, (short) 0, 23, (short) 4, -1, (short) 0)});
    }

    public static DataRow textRow(String value) {
        return DataRow.of(value.getBytes(StandardCharsets.UTF_8));
    }

    /** RowDescription, one row "42", CommandComplete and ReadyForQuery: the answer to {@code SELECT 42}. */
    public static BackendMessage[] answer42() {
        return new BackendMessage[] {intColumn("answer"), textRow("42"), new CommandComplete("SELECT 1"),
                new ReadyForQuery(ReadyForQuery.IDLE)};
    }

    /** Connects; the connection and anything about it must not show the password. */
    public static YsqlConnection connect(String conninfo) {
        YsqlConnection c = assertTimeoutPreemptively(HANG_LIMIT, () -> Ysql.connect(conninfo));
        assertThat(c.toString()).doesNotContain(PASSWORD);
        return c;
    }

    /** Connecting must fail with a SQLException, within {@link #HANG_LIMIT}, without the password in it. */
    public static SQLException connectFailure(String conninfo) {
        return failure(() -> {
            try (Connection unexpected = Ysql.connect(conninfo)) {
                return unexpected;
            }
        });
    }

    /** Running {@code sql} must fail with a SQLException, within {@link #HANG_LIMIT}, without the password. */
    public static SQLException queryFailure(Statement statement, String sql) {
        return failure(() -> statement.executeQuery(sql));
    }

    private static SQLException failure(SqlCall call) {
        SQLException e = assertTimeoutPreemptively(HANG_LIMIT, () -> {
            try {
                Object result = call.run();
                throw new AssertionError("expected a SQLException, but the call returned " + result);
            } catch (SQLException expected) {
                return expected;
            }
        });
        assertNoSecret(e);
        return e;
    }

    @FunctionalInterface
    private interface SqlCall {
        Object run() throws SQLException;
    }

    /** Neither the message nor the toString of the exception, its causes, suppressed ones or server error has the password. */
    public static void assertNoSecret(Throwable top) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        visit(top, seen);
        assertThat(seen).isNotEmpty();
    }

    private static void visit(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, true) != null) return;
        assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass()).doesNotContain(PASSWORD);
        assertThat(t.toString()).doesNotContain(PASSWORD);
        if (t instanceof HasServerError h && h.serverError() != null) {
            assertThat(h.serverError().toString()).doesNotContain(PASSWORD);
            assertThat(h.serverError().fields().values()).noneMatch(v -> v.contains(PASSWORD));
        }
        visit(t.getCause(), seen);
        for (Throwable s : t.getSuppressed()) visit(s, seen);
    }

    /** A failed connect or query left the socket closed by the client, seen from the server. */
    public static void assertClientClosed(ScriptedServer server) throws InterruptedException {
        assertThat(server.awaitClientClose(HANG_LIMIT)).as("the client closed its socket").isTrue();
    }

    /**
     * After a fatal failure the connection reports closed, and the next query fails with 08003
     * without a byte sent: the server saw exactly {@code queriesSoFar} queries.
     */
    public static void assertBroken(Connection connection, Statement statement, ScriptedServer server,
                                    int queriesSoFar) throws Exception {
        assertThat(connection.isClosed()).isTrue();
        assertClientClosed(server);
        SQLException again = queryFailure(statement, "SELECT 2");
        assertThat((Throwable) again).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(again.getSQLState()).isEqualTo("08003");
        SQLException fresh = failure(() -> connection.createStatement().executeQuery("SELECT 3"));
        assertThat(fresh.getSQLState()).isEqualTo("08003");
        assertThat(server.received(Query.class)).hasSize(queriesSoFar);
    }

    /** Runs {@code SELECT 42} and checks the one row. */
    public static void assertAnswer42(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT 42")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
            assertThat(rs.next()).isFalse();
        }
    }
}
