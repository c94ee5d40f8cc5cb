package io.ysql.testkit;

/**
 * Which connections the generated TCP lines of pg_hba.conf admit: the record type written for
 * every role's line and for the catch-all line. Extra lines from
 * {@link PgCluster.Settings.Builder#addHbaLine(String)} and the lines of the {@link TlsRole}s are
 * written as given.
 */
public enum HbaMode {
    /** {@code host}: with or without TLS. */
    ANY("host"),
    /** {@code hostssl}: only over TLS, so a plaintext attempt is rejected. Needs a TLS cluster. */
    SSL_ONLY("hostssl"),
    /** {@code hostnossl}: only without TLS, so a TLS attempt is rejected after the handshake. */
    NOSSL_ONLY("hostnossl");

    private final String recordType;

    HbaMode(String recordType) {
        this.recordType = recordType;
    }

    /** The pg_hba.conf record type, e.g. {@code hostssl}. */
    public String recordType() { return recordType; }
}
