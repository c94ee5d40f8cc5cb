package io.ysql.internal.tls;

/**
 * What was negotiated on a TLS connection, for logs, diagnostics and {@code pg_stat_ssl}-style
 * reports: the protocol version, the cipher suite, the ALPN protocol, and the server
 * certificate's subject and issuer (RFC 2253 form). Holds nothing secret.
 *
 * @param protocol            e.g. {@code TLSv1.3}
 * @param cipherSuite         e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param applicationProtocol the ALPN protocol, {@code postgresql}, or empty when none was agreed
 * @param peerSubject         the server certificate's subject, or {@code null} when it sent no X.509 certificate
 * @param peerIssuer          the server certificate's issuer, or {@code null}
 */
public record TlsSessionInfo(String protocol, String cipherSuite, String applicationProtocol, String peerSubject,
                             String peerIssuer) {
}
