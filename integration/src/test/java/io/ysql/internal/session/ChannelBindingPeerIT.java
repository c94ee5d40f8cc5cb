package io.ysql.internal.session;

import static io.ysql.internal.transport.HostilePeers.assertClientClosed;
import static io.ysql.internal.transport.HostilePeers.connectFailure;
import static io.ysql.internal.transport.HostilePeers.conninfo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.AuthenticationCleartextPassword;
import io.ysql.internal.wire.backend.AuthenticationMD5Password;
import io.ysql.internal.wire.backend.AuthenticationOk;
import io.ysql.internal.wire.backend.AuthenticationSASL;
import io.ysql.internal.wire.frontend.StartupMessage;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server (or a man in the middle) that tries to get around {@code channel_binding=require} by
 * asking for something without channel binding: no authentication at all, a cleartext or MD5
 * password, plain SCRAM-SHA-256. The driver refuses at that very request with 28000, closes the
 * socket, and the server receives nothing but the startup message: no password, no SASL message.
 */
class ChannelBindingPeerIT {
    private static final String REQUIRE = "sslmode=disable channel_binding=require";

    @Test
    void authenticationOkWithoutAskingIsRefused() throws Exception {
        SQLException e = refusedAt(AuthenticationOk.INSTANCE);
        assertThat(e.getMessage()).contains("accepted the connection without authentication");
    }

    @Test
    void cleartextPasswordRequestIsRefused() throws Exception {
        SQLException e = refusedAt(AuthenticationCleartextPassword.INSTANCE);
        assertThat(e.getMessage()).contains("cleartext password");
    }

    @Test
    void md5PasswordRequestIsRefused() throws Exception {
        SQLException e = refusedAt(new AuthenticationMD5Password(new byte[] {1, 2, 3, 4}));
        assertThat(e.getMessage()).contains("MD5");
    }

    @Test
    void plainScramRequestIsRefused() throws Exception {
        SQLException e = refusedAt(new AuthenticationSASL(List.of("SCRAM-SHA-256")));
        assertThat(e.getMessage()).contains("not encrypted");
    }

    @Test
    void scramPlusOfferedOverPlaintextIsRefused() throws Exception {
        // a server that offers -PLUS on a connection without TLS has nothing to bind to
        SQLException e = refusedAt(new AuthenticationSASL(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256")));
        assertThat(e.getMessage()).contains("not encrypted");
    }

    private static SQLException refusedAt(BackendMessage request) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup().send(request))) {
            SQLException e = connectFailure(conninfo(server, REQUIRE));
            assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
            assertThat(e.getSQLState()).isEqualTo("28000");
            assertThat(e.getMessage()).contains("channel binding is required")
                    .contains("nothing derived from the password was sent");
            assertClientClosed(server);
            assertThat(server.received()).as("what the server received").hasSize(1)
                    .allMatch(StartupMessage.class::isInstance);
            return e;
        }
    }
}
