package io.ysql.internal.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The driver's own verdict on a server certificate, thrown from the trust manager during the
 * handshake so that the handshake stops before anything is sent, and found again in the cause
 * chain of the JDK's {@code SSLHandshakeException} to build the user's message. The message says
 * which check failed: "certificate chain", "certificate has expired", "certificate is not yet
 * valid", "certificate has been revoked" or the host-name mismatch. It also carries the chain the
 * server presented, so that diagnostics can show the certificates that were refused.
 */
final class CertificateRejected extends CertificateException {
    private static final long serialVersionUID = 1L;
    private transient List<X509Certificate> chain = List.of();

    CertificateRejected(String message) {
        super(message);
    }

    CertificateRejected(String message, Throwable cause) {
        super(message, cause);
    }

    /** Records the chain the server presented; returns this exception. */
    CertificateRejected presented(X509Certificate[] serverChain) {
        if (serverChain != null) chain = List.of(serverChain);
        return this;
    }

    /** The chain the server presented, leaf first; empty when unknown. */
    List<X509Certificate> chain() {
        return chain == null ? List.of() : chain;
    }
}
