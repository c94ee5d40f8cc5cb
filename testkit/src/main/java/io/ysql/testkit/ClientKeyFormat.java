package io.ysql.testkit;

/**
 * The PEM encodings in which {@link TestCertificates} writes the private key of the client
 * certificate of {@code cert_user}. The RSA formats hold the key of one RSA certificate; the
 * EC format belongs to a second certificate with a P-256 key, see
 * {@link TestCertificates#clientCert(ClientKeyFormat)}.
 */
public enum ClientKeyFormat {
    /** {@code -----BEGIN PRIVATE KEY-----}: PKCS#8, unencrypted. */
    PKCS8(false),
    /**
     * {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: PKCS#8 encrypted with PBES2 (PBKDF2 with
     * HMAC-SHA256, AES-256-CBC) under {@link TestCertificates#clientKeyPassword()}.
     */
    PKCS8_ENCRYPTED(false),
    /** {@code -----BEGIN RSA PRIVATE KEY-----}: PKCS#1, unencrypted. */
    PKCS1_RSA(false),
    /** {@code -----BEGIN EC PRIVATE KEY-----}: SEC1 with the named curve, unencrypted. */
    SEC1_EC(true);

    private final boolean ec;

    ClientKeyFormat(boolean ec) {
        this.ec = ec;
    }

    /** Whether the key is the EC one (and the certificate the EC certificate). */
    public boolean ec() { return ec; }
}
