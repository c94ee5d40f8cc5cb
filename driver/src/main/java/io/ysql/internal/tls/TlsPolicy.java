package io.ysql.internal.tls;

import io.ysql.config.ConnectionConfig;
import io.ysql.config.Options;
import io.ysql.config.SslMode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * How one connection attempt uses TLS, decided once from the options with libpq's semantics: the
 * effective sslmode ({@code sslrootcert=system} makes it verify-full), which certificate checks run,
 * the TLS versions, SNI, ALPN and direct negotiation, and the client certificate. Building it loads
 * and checks every file, so a configuration mistake fails before a byte is sent (SQLSTATE 08001);
 * {@link #handshake} then secures a socket and fails with SQLSTATE 08006 saying which check failed.
 * Immutable and safe to share.
 *
 * <p>When the chain is checked (libpq's {@code initialize_SSL}, "SSL Support": "if a root CA file
 * exists, the behavior of sslmode=require will be the same as that of verify-ca"): in verify-ca and
 * verify-full always, and in allow, prefer and require whenever a root file exists — libpq loads
 * the root file and turns on peer verification for every TLS attempt, whatever the mode, so a
 * prefer attempt against a server the roots do not vouch for fails (and prefer then falls back to
 * plaintext).
 */
public final class TlsPolicy {
    private static final System.Logger LOG = System.getLogger("io.ysql.internal.tls");
    /** The ALPN protocol name PostgreSQL 17 registered; libpq 17 offers it on every TLS connection. */
    static final String ALPN = "postgresql";
    private static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    private final SslMode mode;
    private final boolean direct;
    private final boolean sni;
    private final List<String> protocols;
    private final TlsFiles files;
    private final SSLContext context;

    private TlsPolicy(SslMode mode, boolean direct, boolean sni, List<String> protocols, TlsFiles files,
                      SSLContext context) {
        this.mode = mode;
        this.direct = direct;
        this.sni = sni;
        this.protocols = protocols;
        this.files = files;
        this.context = context;
    }

    /**
     * Reads the TLS options of {@code config} and, unless the mode is {@code disable}, loads the
     * files they name.
     *
     * @param home the user's home directory, where the default files are looked for under
     *             {@code .postgresql/}; {@code null} when there is none
     * @throws SQLException 08001 for contradictory options, a missing or unreadable file, a key file
     *                      others may read, a wrong {@code sslpassword}, a key that does not match
     *                      its certificate
     */
    public static TlsPolicy of(ConnectionConfig config, Path home) throws SQLException {
        SslMode mode = effectiveMode(config);
        boolean direct = "direct".equals(config.get(Options.SSLNEGOTIATION));
        if (direct && !mode.requiresTls()) {
            throw TlsErrors.setup("weak sslmode \"" + mode.label() + "\" may not be used with sslnegotiation=direct "
                    + "(use \"require\", \"verify-ca\", or \"verify-full\")");
        }
        List<String> protocols = protocols(config);
        boolean sni = !Boolean.FALSE.equals(config.get(Options.SSLSNI));
        if (mode == SslMode.DISABLE) return new TlsPolicy(mode, false, sni, protocols, null, null);
        TlsFiles files = TlsFiles.load(config, home, mode);
        try {
            ServerTrust trust = files.roots() == null ? ServerTrust.anyServer()
                    : ServerTrust.verifying(files.roots(), files.rootsSource(), files.crls(), mode == SslMode.VERIFY_FULL);
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManager[] keys = files.clientKey() == null ? new KeyManager[0] : new KeyManager[] {files.clientKey()};
            context.init(keys, new TrustManager[] {trust}, null);
            List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
            List<String> usable = protocols.stream().filter(supported::contains).toList();
            if (usable.isEmpty()) {
                throw TlsErrors.setup("this Java runtime supports none of the TLS versions " + String.join(", ", protocols)
                        + " allowed by ssl_min_protocol_version and ssl_max_protocol_version");
            }
            TlsPolicy policy = new TlsPolicy(mode, direct, sni, usable, files, context);
            LOG.log(Level.DEBUG, "{0}", policy);
            return policy;
        } catch (GeneralSecurityException e) {
            throw TlsErrors.setup("could not set up TLS: " + e.getMessage(), e);
        }
    }

    private static SslMode effectiveMode(ConnectionConfig config) throws SQLException {
        SslMode mode = config.sslMode();
        if (!TlsFiles.SYSTEM.equals(config.get(Options.SSLROOTCERT))) return mode;
        // libpq: sslrootcert=system changes the default sslmode to verify-full and refuses weaker ones
        if (!config.isSet(Options.SSLMODE)) return SslMode.VERIFY_FULL;
        if (mode != SslMode.VERIFY_FULL) {
            throw TlsErrors.setup("weak sslmode \"" + mode.label() + "\" may not be used with sslrootcert=system "
                    + "(use \"verify-full\")");
        }
        return mode;
    }

    private static List<String> protocols(ConnectionConfig config) throws SQLException {
        String min = config.get(Options.SSL_MIN_PROTOCOL_VERSION);
        String max = config.get(Options.SSL_MAX_PROTOCOL_VERSION);
        int lo = min == null ? VERSIONS.indexOf("TLSv1.2") : VERSIONS.indexOf(min);
        int hi = max == null ? VERSIONS.size() - 1 : VERSIONS.indexOf(max);
        if (lo > hi) {
            throw TlsErrors.setup("invalid SSL protocol version range: ssl_min_protocol_version " + min
                    + " is newer than ssl_max_protocol_version " + max);
        }
        return List.copyOf(VERSIONS.subList(lo, hi + 1));
    }

    /** The sslmode in effect: the configured one, or verify-full for {@code sslrootcert=system}. */
    public SslMode mode() {
        return mode;
    }

    /** Whether the server's certificate chain is checked against the root certificates. */
    public boolean verifiesChain() {
        return files != null && files.roots() != null;
    }

    /** Whether the server's certificate must also name the host (verify-full). */
    public boolean verifiesHostName() {
        return mode == SslMode.VERIFY_FULL;
    }

    /** Whether TLS starts at once, without an SSLRequest ({@code sslnegotiation=direct}, PostgreSQL 17+). */
    public boolean direct() {
        return direct;
    }

    /** Whether a client certificate is configured and offered when the server asks for one. */
    public boolean hasClientCertificate() {
        return files != null && files.clientKey() != null;
    }

    /** The TLS versions offered, oldest first. */
    public List<String> protocols() {
        return protocols;
    }

    /**
     * Performs the TLS handshake over {@code plain} (already connected, after the server's 'S', or
     * at once for direct negotiation), checking the server as this policy says.
     *
     * @param hostName the host name as given in {@code host} (not {@code hostaddr}): sent as SNI
     *                 and, in verify-full, matched against the certificate
     * @return the TLS socket; closing it closes {@code plain}
     * @throws SQLException 08006 saying which check failed; {@code plain} is closed
     * @throws IllegalStateException when the mode is {@code disable}
     */
    public Socket handshake(Socket plain, String hostName, int port) throws SQLException {
        if (context == null) throw new IllegalStateException("sslmode=disable: TLS is not used");
        SSLSocket socket = null;
        try {
            socket = (SSLSocket) context.getSocketFactory().createSocket(plain, hostName, port, true);
            socket.setSSLParameters(ClientHello.parameters(socket.getSSLParameters(), protocols, sni, hostName));
            socket.setUseClientMode(true);
            socket.startHandshake();
            if (direct && !ALPN.equals(socket.getApplicationProtocol())) {
                throw TlsErrors.handshake("SSL handshake with " + hostName + ":" + port + " failed: direct SSL connection "
                        + "was established without ALPN protocol negotiation extension", null);
            }
            if (LOG.isLoggable(Level.DEBUG)) LOG.log(Level.DEBUG, "TLS with {0}:{1}: {2}", hostName, String.valueOf(port), describe(socket));
            return socket;
        } catch (IOException | RuntimeException e) {
            HandshakeFailure.closeQuietly(socket != null ? socket : plain);
            throw HandshakeFailure.of(e, hostName, port, protocols, hasClientCertificate());
        } catch (SQLException e) {
            HandshakeFailure.closeQuietly(socket);
            throw e;
        }
    }

    /** The protocol, cipher suite and server certificate of an established TLS socket. */
    public static TlsSessionInfo describe(Socket tlsSocket) {
        if (!(tlsSocket instanceof SSLSocket s)) throw new IllegalArgumentException("not a TLS socket");
        SSLSession session = s.getSession();
        X509Certificate peer = peerCertificate(session);
        String alpn = s.getApplicationProtocol();
        return new TlsSessionInfo(session.getProtocol(), session.getCipherSuite(), alpn == null ? "" : alpn,
                peer == null ? null : peer.getSubjectX500Principal().getName(),
                peer == null ? null : peer.getIssuerX500Principal().getName());
    }

    /** The certificate chain the server presented on an established TLS socket, leaf first. */
    public static List<X509Certificate> peerChain(Socket tlsSocket) {
        if (!(tlsSocket instanceof SSLSocket s)) return List.of();
        try {
            return Arrays.stream(s.getSession().getPeerCertificates())
                    .filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    /**
     * The chain the server presented when this driver refused it during a handshake that failed
     * with {@code failure}; empty when the failure was of another kind.
     */
    public static List<X509Certificate> rejectedChain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateRejected r) return r.chain();
        }
        return List.of();
    }

    /** Where the root certificates come from (e.g. {@code root certificate file "/x"}), or null when none are used. */
    public String rootsSource() {
        return verifiesChain() ? files.rootsSource() : null;
    }

    /**
     * The {@code tls-server-end-point} channel-binding data (RFC 5929) of an established TLS
     * socket, or {@code null} when the server sent no X.509 certificate or its signature algorithm
     * defines no hash (Ed25519, Ed448).
     */
    public static byte[] channelBindingHash(Socket tlsSocket) {
        if (!(tlsSocket instanceof SSLSocket s)) return null;
        X509Certificate peer = peerCertificate(s.getSession());
        return peer == null ? null : ServerEndPointHash.of(peer);
    }

    private static X509Certificate peerCertificate(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "TlsPolicy[sslmode=" + mode.label() + ", chain=" + (verifiesChain() ? files.rootsSource() : "not checked")
                + ", hostName=" + verifiesHostName() + ", protocols=" + protocols + ", direct=" + direct + ", sni=" + sni
                + ", clientCertificate=" + hasClientCertificate() + "]";
    }
}
