package io.ysql.internal.transport;

import static io.ysql.internal.transport.HostilePeers.answer42;
import static io.ysql.internal.transport.HostilePeers.assertAnswer42;
import static io.ysql.internal.transport.HostilePeers.assertClientClosed;
import static io.ysql.internal.transport.HostilePeers.connectFailure;
import static io.ysql.internal.transport.HostilePeers.conninfo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.frontend.Query;
import io.ysql.internal.wire.frontend.SSLRequest;
import io.ysql.internal.wire.frontend.StartupMessage;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.io.EOFException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answer to SSLRequest from a server that cannot be trusted yet: bytes injected after 'S'
 * (CVE-2021-23222), an error text before authentication (CVE-2024-10977), a plain 'N' under
 * sslmode=prefer and under sslmode=require.
 */
class SslNegotiationPeerIT {
    private static final String FAKE_ERROR = "FAKE-PRE-AUTH-TEXT please visit evil.example";

    @Test
    void bytesAfterTheSslAnswerAreRefused() throws Exception {
        byte[] injected = {'S', 'Z', 0, 0, 0, 5, 'I'};
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup(injected))) {
            SQLException e = connectFailure(conninfo(server, "sslmode=prefer"));
            assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
            assertThat(e.getSQLState()).isEqualTo("08P01");
            assertThat(e.getMessage()).contains("received unencrypted data after SSL response");
            assertClientClosed(server);
            assertThat(server.received()).containsExactly(SSLRequest.INSTANCE);
            assertThat(server.acceptedCount()).as("no plaintext retry after a protocol violation").isEqualTo(1);
        }
    }

    @Test
    void errorAnswerToTheSslRequestIsNotShown() throws Exception {
        ByteWriter answer = new ByteWriter();
        new ErrorResponse(Map.of('S', "FATAL", 'C', "XX000", 'M', FAKE_ERROR)).encode(answer);
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup(answer.toByteArray()))) {
            SQLException e = connectFailure(conninfo(server, "sslmode=prefer"));
            assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
            assertThat(e.getSQLState()).isEqualTo("08P01");
            assertThat(e.getMessage()).contains("not shown").contains("before the server was authenticated")
                    .doesNotContain("FAKE-PRE-AUTH-TEXT").doesNotContain("evil.example");
            assertThat(e.toString()).doesNotContain("FAKE-PRE-AUTH-TEXT");
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("FAKE-PRE-AUTH-TEXT");
            }
            assertClientClosed(server);
            assertThat(server.received()).containsExactly(SSLRequest.INSTANCE);
        }
    }

    @Test
    void plainAnswerUnderPreferGoesOnWithoutTls() throws Exception {
        Script script = Script.create().expectStartup().authenticateOk().expect(Query.class).send(answer42());
        try (ScriptedServer server = ScriptedServer.start(script);
             Connection c = HostilePeers.connect(conninfo(server, "sslmode=prefer"))) {
            assertAnswer42(c);
            assertThat(server.received().get(0)).isEqualTo(SSLRequest.INSTANCE);
            assertThat(server.received().get(1)).isInstanceOfSatisfying(StartupMessage.class,
                    m -> assertThat(m.parameters()).containsEntry("user", HostilePeers.USER).containsEntry("database", "fake"));
            assertThat(server.received(Query.class)).containsExactly(new Query("SELECT 42"));
            assertThat(server.failures()).isEmpty();
        }
    }

    @Test
    void plainAnswerUnderRequireIsRefused() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup())) {
            SQLException e = connectFailure(conninfo(server, "sslmode=require"));
            assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
            assertThat(e.getSQLState()).isEqualTo("08001");
            assertThat(e.getMessage()).contains("does not support SSL").contains("sslmode=require");
            assertClientClosed(server);
            assertThat(server.received()).as("no StartupMessage in the clear").containsExactly(SSLRequest.INSTANCE);
            assertThat(server.failures()).singleElement().isInstanceOf(EOFException.class);
        }
    }
}
