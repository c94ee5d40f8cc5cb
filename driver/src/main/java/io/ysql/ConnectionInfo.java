package io.ysql;

/**
 * What a connection got: where it is connected, whether and how it is encrypted, and how the
 * server authenticated it. From {@link YsqlConnection#connectionInfo()}.
 *
 * @param host the host name (or address) connected to
 * @param port the server port
 * @param encrypted true when the session runs over TLS
 * @param tlsProtocol e.g. {@code TLSv1.3}, or null when not encrypted
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}, or null
 * @param serverCertificateSubject the server certificate's subject DN, or null
 * @param serverCertificateIssuer the server certificate's issuer DN, or null
 * @param authenticationMethod {@code trust}, {@code password}, {@code md5}, {@code SCRAM-SHA-256}
 *     or {@code SCRAM-SHA-256-PLUS} (the last with channel binding)
 */
public record ConnectionInfo(String host, int port, boolean encrypted, String tlsProtocol, String cipherSuite,
                             String serverCertificateSubject, String serverCertificateIssuer,
                             String authenticationMethod) {}
