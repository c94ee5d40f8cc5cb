package io.ysql.config;

import java.util.Locale;

/**
 * The libpq {@code sslmode} values: whether TLS is attempted, required, and how much of the
 * server certificate is checked (see the "SSL Support" chapter of the libpq documentation). The
 * constants are the libpq words in upper case with {@code _} for {@code -}; {@link #label()} gives
 * the libpq spelling.
 */
public enum SslMode {
    /** Plaintext only. */
    DISABLE,
    /** Plaintext first, TLS if the server insists. */
    ALLOW,
    /** TLS first, plaintext if the server does not offer TLS (the default). */
    PREFER,
    /** TLS only. */
    REQUIRE,
    /** TLS only, the server certificate chain checked against the root certificates. */
    VERIFY_CA,
    /** TLS only, the chain checked and the host name matched against the certificate. */
    VERIFY_FULL;

    /** The libpq spelling, e.g. {@code verify-full}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether this mode never falls back to plaintext. */
    public boolean requiresTls() {
        return compareTo(REQUIRE) >= 0;
    }

    @Override
    public String toString() {
        return label();
    }
}
