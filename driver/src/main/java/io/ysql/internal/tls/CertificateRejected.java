package io.ysql.internal.tls;

import java.security.cert.CertificateException;

/**
 * The driver's own verdict on a server certificate, thrown from the trust manager during the
 * handshake so that the handshake stops before anything is sent, and found again in the cause
 * chain of the JDK's {@code SSLHandshakeException} to build the user's message. The message says
 * which check failed: "certificate chain", "certificate has expired", "certificate is not yet
 * valid", "certificate has been revoked" or the host-name mismatch.
 */
final class CertificateRejected extends CertificateException {
    private static final long serialVersionUID = 1L;

    CertificateRejected(String message) {
        super(message);
    }

    CertificateRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
