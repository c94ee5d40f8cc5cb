package io.ysql.internal.tls;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for {@code sslmode=prefer} and {@code require}, as libpq does them: the channel is
 * encrypted, and the server certificate chain is checked only when a root certificate file
 * exists (libpq's default {@code ~/.postgresql/root.crt}). Host names are not checked here; that
 * is {@code verify-full}, which this package does not offer yet.
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
            SSLContext ctx = SSLContext.getInstance("TLS");
            TrustManager tm = Files.isReadable(rootCert) ? rootChecked(rootCert) : new AnyServer();
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw SqlExceptions.of(SqlState.CONNECTION_EXCEPTION, "cannot set up TLS with root certificate file \""
                    + rootCert + "\": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager rootChecked(Path rootCert) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(rootCert)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            int i = 0;
            for (Certificate c : certs) ks.setCertificateEntry("root-" + i++, c);
            if (i == 0) throw new GeneralSecurityException("the file holds no certificate");
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) return x;
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /** Performs the TLS handshake over {@code plain}; TLS 1.2 or newer. */
    public static Socket handshake(SSLContext ctx, Socket plain, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        s.setSSLParameters(p);
        s.setUseClientMode(true);
        s.startHandshake();
        return s;
    }

    /** Encryption without authentication of the server: libpq's {@code require} with no root file. */
    private static final class AnyServer implements X509TrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
