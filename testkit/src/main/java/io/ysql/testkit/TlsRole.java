package io.ysql.testkit;

/**
 * The login roles a TLS {@link PgCluster} creates besides the {@link AuthRole}s, each admitted
 * only over TLS ({@code hostssl}) from the loopback addresses and only with a client certificate
 * whose CN is the role's name ({@link TestCertificates#clientCert(TlsRole)}).
 */
public enum TlsRole {
    /** {@code cert_user}: pg_hba method {@code cert}, no password. */
    CERT("cert_user", "cert", false),
    /**
     * {@code cert_scram_user}: {@code scram-sha-256 clientcert=verify-full}, so it needs both the
     * password ({@code cert_scram_user_pw}) and the certificate.
     */
    CERT_SCRAM("cert_scram_user", "scram-sha-256 clientcert=verify-full", true);

    private final String user;
    private final String hbaMethod;
    private final boolean hasPassword;

    TlsRole(String user, String hbaMethod, boolean hasPassword) {
        this.user = user;
        this.hbaMethod = hbaMethod;
        this.hasPassword = hasPassword;
    }

    /** The role name, which is also the CN of its client certificate. */
    public String user() { return user; }

    /** The role's password ({@code <name>_pw}), or {@code null} for {@link #CERT}, which has none. */
    public String password() { return hasPassword ? user + "_pw" : null; }

    /** The pg_hba.conf method with its options, e.g. {@code cert}. */
    public String hbaMethod() { return hbaMethod; }
}
