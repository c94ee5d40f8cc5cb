package io.ysql.internal.tls;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * The narrow TLS entry point for {@code sslmode=prefer} and {@code require} that takes a root file
 * and nothing else: the chain is checked only when the root file exists, host names never. It is
 * superseded by {@link TlsPolicy}, which reads every TLS option, and stays only until the connect
 * layer builds a {@code TlsPolicy} instead; both methods map onto {@link TlsPolicy#of} and
 * {@link TlsPolicy#handshake}.
 */
public final class TlsContexts {
    private TlsContexts() {}

    /** The default root certificate file libpq looks for. */
    public static Path defaultRootCert(Path home) {
        return home.resolve(".postgresql").resolve("root.crt");
    }

    /**
     * An SSL context that checks the chain against {@code rootCert} when that file exists, and
     * accepts any server certificate when it does not.
     */
    public static SSLContext forRootCert(Path rootCert) throws SQLException {
        try {
            ServerTrust trust = Files.exists(rootCert)
                    ? ServerTrust.verifying(CertificateFiles.certificates(rootCert, "root certificate file"),
                            "root certificate file \"" + rootCert + "\"", List.of(), false)
                    : ServerTrust.anyServer();
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[0], new TrustManager[] {trust}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw TlsErrors.setup("cannot set up TLS with root certificate file \"" + rootCert + "\": " + e.getMessage(), e);
        }
    }

    /** Performs the TLS handshake over {@code plain}; TLS 1.2 or newer. */
    public static Socket handshake(SSLContext ctx, Socket plain, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true);
        s.setSSLParameters(ClientHello.parameters(s.getSSLParameters(), List.of("TLSv1.2", "TLSv1.3"), true, host));
        s.setUseClientMode(true);
        s.startHandshake();
        return s;
    }
}
