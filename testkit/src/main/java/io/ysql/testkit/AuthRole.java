package io.ysql.testkit;

/**
 * The login roles a {@link PgCluster} creates, one per pg_hba authentication method, each allowed
 * over TCP from the loopback addresses with exactly that method. The password of every role is its
 * name followed by {@code _pw}; {@link #MD5} has an MD5 hash stored, the others a SCRAM verifier
 * (the {@code password} method sends cleartext, which the server checks against any stored form).
 * {@link #GSS} exists only where the server build accepts a {@code gss} line: it lets a test see a
 * real server ask for GSSAPI authentication, see {@link PgCluster#gssRole()}.
 */
public enum AuthRole {
    TRUST("trust_user", "trust", "scram-sha-256"),
    PASSWORD("password_user", "password", "scram-sha-256"),
    MD5("md5_user", "md5", "md5"),
    SCRAM("scram_user", "scram-sha-256", "scram-sha-256"),
    GSS("gss_user", "gss", "scram-sha-256");

    private final String user;
    private final String hbaMethod;
    private final String passwordEncryption;

    AuthRole(String user, String hbaMethod, String passwordEncryption) {
        this.user = user;
        this.hbaMethod = hbaMethod;
        this.passwordEncryption = passwordEncryption;
    }

    /** The role name, e.g. {@code md5_user}. */
    public String user() { return user; }

    /** The role's password: its name followed by {@code _pw}, e.g. {@code md5_user_pw}. */
    public String password() { return user + "_pw"; }

    /** The pg_hba.conf method that authenticates this role, e.g. {@code scram-sha-256}. */
    public String hbaMethod() { return hbaMethod; }

    /** The {@code password_encryption} in force when the role's password was stored. */
    public String passwordEncryption() { return passwordEncryption; }
}
