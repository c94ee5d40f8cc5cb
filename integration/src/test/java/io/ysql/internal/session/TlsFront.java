package io.ysql.internal.session;

import io.ysql.testkit.ServerCertKind;
import io.ysql.testkit.TestCertificates;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A TLS front for scripted servers: accepts TCP connections, answers the SSLRequest with 'S' (or,
 * for direct negotiation, expects the TLS handshake at once and offers ALPN {@code postgresql}),
 * does the server side of the handshake with {@link ServerCertKind#SERVER}, and relays the
 * decrypted bytes to a port on 127.0.0.1 and back, one connection at a time per thread.
 */
final class TlsFront implements AutoCloseable {
    private static final int SSL_REQUEST_CODE = 80877103;

    private final ServerSocket listener;
    private final SSLContext context;
    private final int target;
    private final List<Socket> sockets = new ArrayList<>();
    private final boolean direct;
    private final TestCertificates certs = TestCertificates.get();
    private final List<String> applicationProtocols = new ArrayList<>();
    private int handshakes;

    /** A front that expects an SSLRequest first, as the postgres negotiation does. */
    TlsFront(int target) throws Exception {
        this(target, false);
    }

    /** With {@code direct}, the client starts the TLS handshake at once (sslnegotiation=direct). */
    TlsFront(int target, boolean direct) throws Exception {
        this.target = target;
        this.direct = direct;
        this.context = serverContext();
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        daemon(this::acceptForever);
    }

    int port() { return listener.getLocalPort(); }

    synchronized int handshakes() { return handshakes; }

    /** The ALPN protocol each handshake agreed on ("" when none). */
    synchronized List<String> applicationProtocols() { return List.copyOf(applicationProtocols); }

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
            if (!direct) {
                DataInputStream in = new DataInputStream(client.getInputStream());
                int length = in.readInt();
                int code = in.readInt();
                if (length != 8 || code != SSL_REQUEST_CODE) throw new IOException("expected an SSLRequest");
                client.getOutputStream().write('S');
                client.getOutputStream().flush();
            }
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(client, null, true);
            track(tls);
            SSLParameters params = tls.getSSLParameters();
            params.setApplicationProtocols(new String[] {"postgresql"});
            tls.setSSLParameters(params);
            tls.startHandshake();
            synchronized (this) {
                handshakes++;
                applicationProtocols.add(String.valueOf(tls.getApplicationProtocol()));
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
