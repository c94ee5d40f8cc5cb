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
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
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

    /**
     * Accepts TCP connections, answers the SSLRequest with 'S', does the server side of the TLS
     * handshake with {@link ServerCertKind#SERVER}, and relays the decrypted bytes to a port on
     * 127.0.0.1 and back, one connection at a time per thread.
     */
    private final class TlsFront implements AutoCloseable {
        private static final int SSL_REQUEST_CODE = 80877103;

        private final ServerSocket listener;
        private final SSLContext context;
        private final int target;
        private final List<Socket> sockets = new ArrayList<>();
        private int handshakes;

        TlsFront(int target) throws Exception {
            this.target = target;
            this.context = serverContext();
            this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            daemon(this::acceptForever);
        }

        int port() { return listener.getLocalPort(); }

        synchronized int handshakes() { return handshakes; }

        private void acceptForever() {
            try {
                while (true) {
                    Socket client = listener.accept();
                    track(client);
                    daemon(() -> serve(client));
                }
            } catch (IOException closed) {
                // the listener was closed
            }
        }

        private void serve(Socket client) {
            try {
                DataInputStream in = new DataInputStream(client.getInputStream());
                int length = in.readInt();
                int code = in.readInt();
                if (length != 8 || code != SSL_REQUEST_CODE) throw new IOException("expected an SSLRequest");
                client.getOutputStream().write('S');
                client.getOutputStream().flush();
                SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(client, null, true);
                track(tls);
                tls.startHandshake();
                synchronized (this) {
                    handshakes++;
                }
                Socket backend = track(new Socket(InetAddress.getByName("127.0.0.1"), target));
                daemon(() -> relay(backend, tls));
                relay(tls, backend);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }

        /** Copies until either side ends, then closes both. */
        private void relay(Socket from, Socket to) {
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private synchronized Socket track(Socket s) {
            sockets.add(s);
            return s;
        }

        @Override
        public synchronized void close() {
            closeQuietly(listener);
            sockets.forEach(TlsFront::closeQuietly);
        }

        private static void closeQuietly(AutoCloseable c) {
            try (c) { /* closing is all */ } catch (Exception ignored) { /* going away anyway */ }
        }

        private static void daemon(Runnable body) {
            Thread t = new Thread(body, "tls-front");
            t.setDaemon(true);
            t.start();
        }

        private SSLContext serverContext() throws Exception {
            Path chainFile = certs.serverCert(ServerCertKind.SERVER);
            Certificate[] chain;
            try (InputStream in = Files.newInputStream(chainFile)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
            }
            String pem = Files.readString(certs.serverKey(ServerCertKind.SERVER));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance(chain[0].getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            char[] storePassword = "front".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, storePassword, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, storePassword);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys.getKeyManagers(), null, null);
            return ctx;
        }
    }
}
