package io.ysql.internal.transport;

import static io.ysql.internal.transport.HostilePeers.assertClientClosed;
import static io.ysql.internal.transport.HostilePeers.connectFailure;
import static io.ysql.internal.transport.HostilePeers.conninfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.internal.wire.backend.AuthenticationOk;
import io.ysql.internal.wire.backend.ParameterStatus;
import io.ysql.internal.wire.frontend.SSLRequest;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * connect_timeout against servers that accept the connection and then go quiet at some point of
 * the startup: the attempt must give up within a few seconds with a connection error that says
 * it timed out.
 */
class ConnectTimeoutPeerIT {
    /** connect_timeout=2 must end the attempt well within this (upper bound only, to catch hangs). */
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration SILENCE = Duration.ofSeconds(60);

    @Test
    void serverSilentAfterTheStartupMessage() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup().sleep(SILENCE))) {
            assertTimedOut(server, "sslmode=disable");
        }
    }

    @Test
    void serverSilentAfterAuthenticationOk() throws Exception {
        Script script = Script.create().expectStartup().send(AuthenticationOk.INSTANCE).sleep(SILENCE);
        try (ScriptedServer server = ScriptedServer.start(script)) {
            assertTimedOut(server, "sslmode=disable");
        }
    }

    @Test
    void serverSilentAfterTheSslRequest() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().sleep(SILENCE))) {
            assertTimedOut(server, "sslmode=prefer");
            assertThat(server.received()).allMatch(m -> m == SSLRequest.INSTANCE);
        }
    }

    @Test
    void serverSilentAfterAcceptingTls() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup(new byte[] {'S'}).sleep(SILENCE))) {
            assertTimedOut(server, "sslmode=require");
        }
    }

    @Test
    void serverTricklingParameterStatusForeverStillTimesOut() throws Exception {
        Script script = Script.create().expectStartup().send(AuthenticationOk.INSTANCE);
        for (int i = 0; i < 30; i++) script.send(new ParameterStatus("trickle" + i, "x")).sleep(Duration.ofSeconds(1));
        try (ScriptedServer server = ScriptedServer.start(script)) {
            assertTimedOut(server, "sslmode=disable");
        }
    }

    private static void assertTimedOut(ScriptedServer server, String sslmode) throws Exception {
        SQLException e = assertTimeoutPreemptively(LIMIT, () -> connectFailure(conninfo(server, sslmode + " connect_timeout=2")));
        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(e.getSQLState()).isIn("08006", "08001");
        assertThat(e.getMessage()).contains("timeout");
        assertClientClosed(server);
    }
}
