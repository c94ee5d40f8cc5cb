package io.ysql.internal.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A one-connection TLS server on the loopback interface for handshake tests: it presents the
 * given certificate chain, optionally requires a client certificate from a given CA and offers ALPN
 * {@code postgresql}, then reports what it saw (SNI, client certificate, protocol) and writes one
 * byte so the client knows the server side of the handshake finished too.
 */
final class TestTlsServer implements AutoCloseable {
    private static final char[] STORE_PASSWORD = "test".toCharArray();

    /** What the server saw on its one connection. */
    record Seen(String protocol, String sniHostName, X509Certificate clientCertificate, String alpn) {}

    private final SSLServerSocket server;
    private final CompletableFuture<Seen> seen = new CompletableFuture<>();

    /**
     * @param server   the server's key and certificate; {@code chain} follows it in the handshake
     * @param clientCa when not {@code null}, a client certificate from this CA is required
     * @param alpn     whether the server agrees to ALPN {@code postgresql}
     */
    TestTlsServer(TestPki.Issued server, List<X509Certificate> chain, X509Certificate clientCa, boolean alpn)
            throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        Certificate[] fullChain = new Certificate[chain.size() + 1];
        fullChain[0] = server.certificate();
        for (int k = 0; k < chain.size(); k++) fullChain[k + 1] = chain.get(k);
        keys.setKeyEntry("server", server.keys().getPrivate(), STORE_PASSWORD, fullChain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, STORE_PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        if (clientCa != null) trusted.setCertificateEntry("client-ca", clientCa);
        tmf.init(trusted);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), clientCa != null ? tmf.getTrustManagers() : null, null);
        this.server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        SSLParameters p = this.server.getSSLParameters();
        p.setNeedClientAuth(clientCa != null);
        if (alpn) p.setApplicationProtocols(new String[] {"postgresql"});
        this.server.setSSLParameters(p);
        Thread t = new Thread(this::serveOne, "test-tls-server");
        t.setDaemon(true);
        t.start();
    }

    private void serveOne() {
        try (SSLSocket s = (SSLSocket) server.accept()) {
            s.setSoTimeout(10_000);
            s.startHandshake();
            ExtendedSSLSession session = (ExtendedSSLSession) s.getSession();
            String sni = null;
            for (SNIServerName n : session.getRequestedServerNames()) {
                if (n instanceof SNIHostName h) sni = h.getAsciiName();
            }
            X509Certificate client = null;
            if (server.getNeedClientAuth() || s.getNeedClientAuth()) {
                client = (X509Certificate) session.getPeerCertificates()[0];
            }
            Seen result = new Seen(session.getProtocol(), sni, client, s.getApplicationProtocol());
            OutputStream out = s.getOutputStream();
            out.write('k');
            out.flush();
            seen.complete(result);
            s.getInputStream().read(); // until the client closes
        } catch (IOException | RuntimeException e) {
            seen.completeExceptionally(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** What the server saw, once its side of the handshake is done. */
    Seen seen() throws Exception {
        return seen.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
