package io.ysql.internal.session;

import static io.ysql.internal.transport.HostilePeers.PASSWORD;
import static io.ysql.internal.transport.HostilePeers.USER;
import static io.ysql.internal.transport.HostilePeers.assertClientClosed;
import static io.ysql.internal.transport.HostilePeers.connect;
import static io.ysql.internal.transport.HostilePeers.connectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.YsqlConnection;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.AuthenticationCleartextPassword;
import io.ysql.internal.wire.backend.AuthenticationMD5Password;
import io.ysql.internal.wire.backend.AuthenticationOk;
import io.ysql.internal.wire.backend.AuthenticationSASL;
import io.ysql.internal.wire.frontend.SASLInitialResponse;
import io.ysql.internal.wire.frontend.StartupMessage;
import io.ysql.testkit.ScriptedScram;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import io.ysql.testkit.ServerCertKind;
import io.ysql.testkit.TestCertificates;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A man in the middle with a certificate the client trusts: a TLS front with the test server
 * certificate that answers the SSLRequest, completes the handshake and relays the plaintext to a
 * {@link ScriptedServer}. When it strips SCRAM-SHA-256-PLUS or asks for a method without channel
 * binding, {@code channel_binding=require} refuses at that request and the scripted server gets
 * nothing but the startup message; under {@code prefer} the driver tells the server with the
 * GS2 flag {@code y} that it could have bound, so that a real server detects the downgrade.
 */
class ChannelBindingTlsPeerIT {
    private final TestCertificates certs = TestCertificates.get();

    @Test
    void strippedScramPlusIsRefused() throws Exception {
        SQLException e = refusedAt(new AuthenticationSASL(List.of("SCRAM-SHA-256")));
        assertThat(e.getMessage()).contains("did not offer SCRAM-SHA-256-PLUS");
    }

    @Test
    void trustIsRefused() throws Exception {
        SQLException e = refusedAt(AuthenticationOk.INSTANCE);
        assertThat(e.getMessage()).contains("without authentication");
    }

    @Test
    void cleartextPasswordIsRefused() throws Exception {
        SQLException e = refusedAt(AuthenticationCleartextPassword.INSTANCE);
        assertThat(e.getMessage()).contains("cleartext password");
    }

    @Test
    void md5PasswordIsRefused() throws Exception {
        SQLException e = refusedAt(new AuthenticationMD5Password(new byte[] {9, 8, 7, 6}));
        assertThat(e.getMessage()).contains("MD5");
    }

    @Test
    void preferSignalsThatItCouldHaveBound() throws Exception {
        Script script = Script.create().expectStartup().scramServer(PASSWORD, ScriptedScram.Mutator.HONEST);
        try (ScriptedServer server = ScriptedServer.start(script); TlsFront front = new TlsFront(server.port());
             YsqlConnection conn = connect(conninfo(front, "channel_binding=prefer"))) {
            assertThat(conn.connectionInfo().encrypted()).isTrue();
            assertThat(conn.connectionInfo().authenticationMethod()).isEqualTo("SCRAM-SHA-256");
            List<SASLInitialResponse> initial = server.received(SASLInitialResponse.class);
            assertThat(initial).hasSize(1);
            assertThat(initial.get(0).mechanism()).isEqualTo("SCRAM-SHA-256");
            assertThat(new String(initial.get(0).data(), StandardCharsets.UTF_8)).startsWith("y,,");
        }
    }

    @Test
    void disableSignalsNoBindingSupport() throws Exception {
        Script script = Script.create().expectStartup().scramServer(PASSWORD, ScriptedScram.Mutator.HONEST);
        try (ScriptedServer server = ScriptedServer.start(script); TlsFront front = new TlsFront(server.port());
             YsqlConnection conn = connect(conninfo(front, "channel_binding=disable"))) {
            assertThat(conn.connectionInfo().authenticationMethod()).isEqualTo("SCRAM-SHA-256");
            List<SASLInitialResponse> initial = server.received(SASLInitialResponse.class);
            assertThat(initial).hasSize(1);
            assertThat(new String(initial.get(0).data(), StandardCharsets.UTF_8)).startsWith("n,,");
        }
    }

    private SQLException refusedAt(BackendMessage request) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup().send(request));
             TlsFront front = new TlsFront(server.port())) {
            SQLException e = connectFailure(conninfo(front, "channel_binding=require"));
            assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
            assertThat(e.getSQLState()).isEqualTo("28000");
            assertThat(e.getMessage()).contains("channel binding is required")
                    .contains("nothing derived from the password was sent");
            assertThat(front.handshakes()).isEqualTo(1);
            assertClientClosed(server);
            assertThat(server.received()).as("what the server received").hasSize(1)
                    .allMatch(StartupMessage.class::isInstance);
            return e;
        }
    }

    /** verify-full against the test root: the front's certificate is one the client trusts. */
    private String conninfo(TlsFront front, String extra) {
        return "host=127.0.0.1 port=" + front.port() + " user=" + USER + " dbname=fake password=" + PASSWORD
                + " connect_timeout=10 sslmode=verify-full sslrootcert='" + certs.rootCert() + "' " + extra;
    }
}
