package io.ysql.internal.session;

import static io.ysql.internal.transport.HostilePeers.PASSWORD;
import static io.ysql.internal.transport.HostilePeers.assertClientClosed;
import static io.ysql.internal.transport.HostilePeers.connectFailure;
import static io.ysql.internal.transport.HostilePeers.conninfo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.AuthenticationCleartextPassword;
import io.ysql.internal.wire.backend.AuthenticationSASL;
import io.ysql.internal.wire.backend.AuthenticationUnsupported;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.frontend.PasswordMessage;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Authentication requests the driver does not implement: it refuses with 28000 naming the method,
 * closes the socket, and sends nothing that could carry the password. Also a rejected cleartext
 * password, which must not reach the error.
 */
class HostileAuthRequestIT {

    @Test
    void kerberosV5IsRefusedByName() throws Exception {
        assertRefused(new AuthenticationUnsupported(2, new byte[0]), "KerberosV5");
    }

    @Test
    void gssapiIsRefusedByName() throws Exception {
        assertRefused(new AuthenticationUnsupported(7, new byte[0]), "GSSAPI");
    }

    @Test
    void sspiIsRefusedByName() throws Exception {
        assertRefused(new AuthenticationUnsupported(9, new byte[0]), "SSPI");
    }

    @Test
    void unknownAuthenticationCodeIsRefusedWithItsCode() throws Exception {
        assertRefused(new AuthenticationUnsupported(42, new byte[] {1, 2, 3}), "unknown (code 42)");
    }

    @Test
    void saslWithOnlyChannelBindingOfferedIsRefused() throws Exception {
        SQLException e = assertRefused(new AuthenticationSASL(List.of("SCRAM-SHA-256-PLUS")), "SCRAM-SHA-256-PLUS");
        assertThat(e.getMessage()).contains("supports SCRAM-SHA-256");
    }

    @Test
    void rejectedCleartextPasswordDoesNotReachTheError() throws Exception {
        ErrorResponse rejection = new ErrorResponse(Map.of('S', "FATAL", 'V', "FATAL", 'C', "28P01",
                'M', "password authentication failed for user \"victim\""));
        Script script = Script.create().expectStartup().send(AuthenticationCleartextPassword.INSTANCE)
                .expect(PasswordMessage.class).send(rejection);
        try (ScriptedServer server = ScriptedServer.start(script)) {
            SQLException e = connectFailure(conninfo(server, "sslmode=disable"));
            assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
            assertThat(e.getSQLState()).isEqualTo("28P01");
            // the password was really in play: the server received it, the error does not carry it
            assertThat(server.received(PasswordMessage.class))
                    .containsExactly(PasswordMessage.cleartext(PASSWORD.getBytes(StandardCharsets.UTF_8)));
            assertClientClosed(server);
        }
    }

    private static SQLException assertRefused(BackendMessage request, String method) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup().send(request))) {
            SQLException e = connectFailure(conninfo(server, "sslmode=disable"));
            assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
            assertThat(e.getSQLState()).isEqualTo("28000");
            assertThat(e.getMessage()).contains(method);
            assertClientClosed(server);
            assertThat(server.received(PasswordMessage.class)).isEmpty();
            return e;
        }
    }
}
