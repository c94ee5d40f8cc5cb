package io.ysql.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A throwaway PostgreSQL server in a fresh temporary directory, made with initdb and pg_ctl from
 * the machine's binaries (see {@link #start(Settings)} for where they are looked up). It listens
 * on the loopback addresses, admits one login role per authentication method ({@link AuthRole}),
 * and is stopped and deleted by {@link #stop()}, or at the latest when the JVM exits, even after
 * failed tests. Administration runs the system {@code psql} as the superuser over the cluster's
 * own unix socket. A directory left by a killed JVM is removed by the next start. With
 * {@link Settings.Builder#ssl(ServerCertKind)} it serves TLS with {@link TestCertificates}.
 */
public final class PgCluster implements AutoCloseable {
    private final Settings settings;
    private final int port;
    private final PgBinaries binaries;
    private final Path directory;
    private final Psql psql;
    private final String serverVersion;
    private final int majorVersion;
    private final Set<AuthRole> authRoles;
    private final StartupTimes startupTimes;
    private final ClusterTeardown teardown;
    private final boolean shared;
    private ServerCertKind serverCert;

    PgCluster(Settings settings, int port, PgBinaries binaries, Path directory, Psql psql, String serverVersion,
              int majorVersion, Set<AuthRole> authRoles, StartupTimes startupTimes, ClusterTeardown teardown,
              boolean shared) {
        this.settings = settings;
        this.port = port;
        this.binaries = binaries;
        this.directory = directory;
        this.psql = psql;
        this.serverVersion = serverVersion;
        this.majorVersion = majorVersion;
        this.authRoles = authRoles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(authRoles));
        this.startupTimes = startupTimes;
        this.teardown = teardown;
        this.shared = shared;
        this.serverCert = settings.sslCert();
    }

    /**
     * The one cluster of this JVM, with default {@link Settings}, started on first use and stopped
     * at JVM exit. Its {@link #close()} does nothing, so that a test may put it in a
     * try-with-resources without taking it from the others.
     *
     * @throws IllegalStateException when it cannot be started (on every call, with the cause)
     */
    public static PgCluster shared() {
        return SharedCluster.get();
    }

    /**
     * The one TLS cluster of this JVM, started on first use and stopped at JVM exit: server
     * certificate {@link ServerCertKind#SERVER}, {@link HbaMode#ANY}, the {@link AuthRole}s and the
     * {@link TlsRole}s. Its {@link #close()} does nothing. A test that calls
     * {@link #useServerCert(ServerCertKind)} on it must switch back to {@code SERVER} when done.
     *
     * @throws IllegalStateException when it cannot be started (on every call, with the cause)
     */
    public static PgCluster sharedTls() {
        return SharedCluster.getTls();
    }

    /** Starts a cluster with default {@link Settings} on a free port. */
    public static PgCluster start() {
        return start(Settings.defaults());
    }

    /**
     * Starts a cluster. The binaries come from {@code $PG_BIN}, else {@code pg_config --bindir},
     * else the highest {@code /usr/lib/postgresql/<version>/bin}. When the JVM runs as root the
     * server runs as the {@code postgres} OS user.
     *
     * @throws IllegalStateException when no binaries are found (saying how to install them) or the
     *     server does not start (with the tail of its log)
     */
    public static PgCluster start(Settings settings) {
        return ClusterLauncher.launch(Objects.requireNonNull(settings, "settings"), false);
    }

    /** The address clients should connect to: {@code 127.0.0.1} unless the settings listen elsewhere. */
    public String host() {
        List<String> listen = settings.listenAddresses();
        boolean ipv4 = listen.contains(Loopback.IPV4) || listen.contains("*") || listen.contains("0.0.0.0");
        if (ipv4 || listen.contains("localhost")) return Loopback.IPV4;
        return listen.get(0);
    }

    public int port() { return port; }
    public String database() { return settings.database(); }
    public String superuser() { return settings.superuser(); }
    public String superuserPassword() { return settings.superuserPassword(); }
    public Settings settings() { return settings; }

    /** The server version as the server reports it, e.g. {@code 15.18 (Debian 15.18-0+deb12u1)}. */
    public String serverVersion() { return serverVersion; }

    /** The major version, e.g. 15. */
    public int majorVersion() { return majorVersion; }

    /** The roles created for the authentication methods; empty when the settings asked for none. */
    public Set<AuthRole> authRoles() { return authRoles; }

    /** The roles that log in with a client certificate; empty when TLS is off or no roles were asked for. */
    public Set<TlsRole> tlsRoles() { return settings.tlsRoles(); }

    /** The certificate the server presents now; empty when TLS is off. */
    public synchronized Optional<ServerCertKind> serverCert() {
        return Optional.ofNullable(serverCert);
    }

    /**
     * Makes the running server present another certificate (and its key) to new connections,
     * without a restart: the files are copied into the data directory, named with
     * {@code ALTER SYSTEM}, and loaded by {@code pg_reload_conf()}; returns once new connections
     * get the new certificate. Existing connections keep theirs.
     *
     * @throws IllegalStateException when the cluster has TLS off, is stopped, or did not reload
     */
    public synchronized void useServerCert(ServerCertKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (!settings.ssl()) throw new IllegalStateException("the cluster in " + directory + " has TLS off");
        if (!isRunning()) throw new IllegalStateException("the cluster in " + directory + " is stopped");
        ServerTls.use(kind, psql, database(), dataDirectory(), logFile());
        serverCert = kind;
    }

    /** {@link AuthRole#GSS} when this server build accepted a {@code gss} pg_hba line, else empty. */
    public Optional<AuthRole> gssRole() {
        return authRoles.contains(AuthRole.GSS) ? Optional.of(AuthRole.GSS) : Optional.empty();
    }

    /** How long initdb, the server start and the role set-up took. */
    public StartupTimes startupTimes() { return startupTimes; }

    /** The temporary directory that holds the data directory, the log and the unix socket. */
    public Path directory() { return directory; }
    public Path dataDirectory() { return directory.resolve(ClusterLauncher.DATA); }
    public Path logFile() { return directory.resolve(ClusterLauncher.LOG); }
    public Path socketDirectory() { return directory; }
    public Path binDirectory() { return binaries.binDirectory(); }

    /**
     * A libpq keyword/value connection string for this cluster's TCP address, e.g.
     * {@code host=127.0.0.1 port=5433 dbname=yugabyte user=md5_user password=md5_user_pw};
     * values are quoted where libpq needs it; a null password is left out.
     */
    public String conninfo(String user, String password) {
        StringBuilder out = new StringBuilder()
                .append("host=").append(Quoting.conninfoValue(host()))
                .append(" port=").append(port)
                .append(" dbname=").append(Quoting.conninfoValue(database()))
                .append(" user=").append(Quoting.conninfoValue(user));
        if (password != null) out.append(" password=").append(Quoting.conninfoValue(password));
        return out.toString();
    }

    /** {@link #conninfo(String, String)} for one of the authentication roles. */
    public String conninfo(AuthRole role) {
        return conninfo(role.user(), role.password());
    }

    /** {@code jdbc:ysql://127.0.0.1:PORT/DATABASE}. */
    public String jdbcUrl() {
        String host = host().contains(":") ? "[" + host() + "]" : host();
        return "jdbc:ysql://" + host + ":" + port + "/" + Quoting.urlPathSegment(database());
    }

    /**
     * Runs SQL as the superuser over the unix socket ({@code psql -X -q -A -t -v ON_ERROR_STOP=1})
     * and returns stdout, stripped: one line per row, columns separated by {@code |}.
     *
     * @throws IllegalStateException with psql's stderr when a statement fails
     */
    public String psql(String sql) {
        return psql.run(database(), sql, false);
    }

    /** Terminates every backend of {@code user} but the caller's own; returns how many. */
    public int terminateBackends(String user) {
        String count = psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = "
                + Quoting.sqlLiteral(user) + " AND pid <> pg_backend_pid()");
        return Integer.parseInt(count);
    }

    /** Restarts the server ({@code pg_ctl restart -m fast}), dropping every connection. */
    public void restart() {
        if (!isRunning()) throw new IllegalStateException("the cluster in " + directory + " is stopped");
        ClusterLauncher.restart(binaries, psql.runner(), directory);
    }

    /** Whether {@link #stop()} has not run yet. */
    public boolean isRunning() {
        return !teardown.isDone() && Files.isDirectory(directory);
    }

    /** Stops the server ({@code pg_ctl stop -m fast}) and deletes its directory. Idempotent. */
    public void stop() {
        teardown.runNow();
    }

    /** {@link #stop()}, except for the {@link #shared()} cluster, which lives until JVM exit. */
    @Override
    public void close() {
        if (!shared) stop();
    }

    @Override
    public String toString() {
        return "PgCluster[" + host() + ":" + port + "/" + database() + ", PostgreSQL " + majorVersion
                + serverCert().map(kind -> ", TLS " + kind).orElse("") + ", " + directory
                + (isRunning() ? "" : ", stopped") + "]";
    }

    /** Wall-clock durations of the start-up steps. */
    public record StartupTimes(Duration initdb, Duration start, Duration setup) {
        public Duration total() { return initdb.plus(start).plus(setup); }
    }

    /**
     * How to make a cluster. Defaults: a free port, superuser {@code yugabyte} with password
     * {@code yugabyte}, database {@code yugabyte}, {@code scram-sha-256} password encryption,
     * listening on 127.0.0.1 (and ::1 when the machine has IPv6 loopback), auth roles created.
     * TLS off, generated TCP pg_hba lines of type {@code host}.
     * Extra pg_hba lines go before the generated TCP lines, so they win; extra postgresql.conf
     * lines go after the generated ones, so they win too. {@link #toString()} hides the password.
     */
    public record Settings(int port, String superuser, String superuserPassword, String database,
                           String passwordEncryption, List<String> extraConf, List<String> extraHba,
                           List<String> listenAddresses, boolean createAuthRoles, ServerCertKind sslCert,
                           HbaMode hbaMode, boolean sslCrl, int version) {
        static final List<String> PASSWORD_ENCRYPTIONS = List.of("scram-sha-256", "md5");

        public Settings {
            if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535: " + port);
            requireName("superuser", superuser);
            requireName("database", database);
            Objects.requireNonNull(superuserPassword, "superuserPassword");
            if (!PASSWORD_ENCRYPTIONS.contains(passwordEncryption)) {
                throw new IllegalArgumentException("passwordEncryption must be one of " + PASSWORD_ENCRYPTIONS
                        + ": " + passwordEncryption);
            }
            extraConf = singleLines("extraConf", extraConf);
            extraHba = singleLines("extraHba", extraHba);
            listenAddresses = singleLines("listenAddresses", listenAddresses);
            if (listenAddresses.isEmpty()) throw new IllegalArgumentException("listenAddresses must not be empty");
            Objects.requireNonNull(hbaMode, "hbaMode");
            if (sslCert == null && hbaMode == HbaMode.SSL_ONLY) {
                throw new IllegalArgumentException("hbaMode SSL_ONLY needs ssl(...): no client could log in over TCP");
            }
            if (sslCert == null && sslCrl) throw new IllegalArgumentException("sslCrl needs ssl(...)");
            if (version != 0 && (version < 9 || version > 99)) {
                throw new IllegalArgumentException("version must be a major version such as 17, or 0: " + version);
            }
        }

        /** Whether the server runs with {@code ssl = on}, presenting {@link #sslCert()} (null when off). */
        public boolean ssl() { return sslCert != null; }

        /** The {@link TlsRole}s the cluster creates: all of them when TLS is on and auth roles are created. */
        public Set<TlsRole> tlsRoles() {
            return ssl() && createAuthRoles ? EnumSet.allOf(TlsRole.class) : EnumSet.noneOf(TlsRole.class);
        }

        public static Settings defaults() { return builder().build(); }
        public static Builder builder() { return new Builder(); }

        public Builder toBuilder() {
            Builder b = new Builder().port(port).superuser(superuser).superuserPassword(superuserPassword)
                    .database(database).passwordEncryption(passwordEncryption)
                    .listenAddresses(listenAddresses).createAuthRoles(createAuthRoles)
                    .ssl(sslCert).hbaMode(hbaMode).sslCrl(sslCrl).version(version);
            extraConf.forEach(b::addConfLine);
            extraHba.forEach(b::addHbaLine);
            return b;
        }

        @Override
        public String toString() {
            return "Settings[port=" + port + ", superuser=" + superuser + ", superuserPassword=***, database="
                    + database + ", passwordEncryption=" + passwordEncryption + ", extraConf=" + extraConf
                    + ", extraHba=" + extraHba + ", listenAddresses=" + listenAddresses
                    + ", createAuthRoles=" + createAuthRoles + ", sslCert=" + sslCert + ", hbaMode=" + hbaMode
                    + ", sslCrl=" + sslCrl + ", version=" + version + "]";
        }

        private static void requireName(String what, String name) {
            if (name == null || name.isBlank() || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(what + " must be a non-blank name");
            }
        }

        private static List<String> singleLines(String what, List<String> lines) {
            for (String line : Objects.requireNonNull(lines, what)) {
                if (line.contains("\n") || line.contains("\r")) {
                    throw new IllegalArgumentException(what + " entries must be single lines: " + line);
                }
            }
            return List.copyOf(lines);
        }

        /** Collects settings; {@link #build()} validates them. */
        public static final class Builder {
            private int port;
            private String superuser = "yugabyte";
            private String superuserPassword = "yugabyte";
            private String database = "yugabyte";
            private String passwordEncryption = "scram-sha-256";
            private final List<String> extraConf = new ArrayList<>();
            private final List<String> extraHba = new ArrayList<>();
            private List<String> listenAddresses;
            private boolean createAuthRoles = true;
            private ServerCertKind sslCert;
            private HbaMode hbaMode = HbaMode.ANY;
            private boolean sslCrl;
            private int version;

            private Builder() {}

            /** The TCP port; 0 (the default) picks a free one. */
            public Builder port(int port) { this.port = port; return this; }
            public Builder superuser(String name) { this.superuser = name; return this; }
            public Builder superuserPassword(String password) { this.superuserPassword = password; return this; }
            public Builder database(String name) { this.database = name; return this; }
            /** {@code scram-sha-256} or {@code md5}: the stored form and the method of the catch-all hba line. */
            public Builder passwordEncryption(String method) { this.passwordEncryption = method; return this; }
            public Builder addConfLine(String line) { extraConf.add(line); return this; }
            public Builder addHbaLine(String line) { extraHba.add(line); return this; }
            public Builder listenAddresses(List<String> addresses) {
                this.listenAddresses = List.copyOf(addresses);
                return this;
            }
            public Builder createAuthRoles(boolean create) { this.createAuthRoles = create; return this; }

            /**
             * {@code ssl = on} with this server certificate and key from {@link TestCertificates}, and
             * {@code ssl_ca_file} set to its root (so the server asks for client certificates and
             * checks them); creates the {@link TlsRole}s. Null (the default) leaves TLS off.
             */
            public Builder ssl(ServerCertKind kind) { this.sslCert = kind; return this; }

            /** Which connections the generated TCP pg_hba lines admit; default {@link HbaMode#ANY}. */
            public Builder hbaMode(HbaMode mode) { this.hbaMode = mode; return this; }

            /** Sets {@code ssl_crl_file} to {@link TestCertificates#crl()}, checking client certificates against it. */
            public Builder sslCrl(boolean crl) { this.sslCrl = crl; return this; }

            /**
             * The server's major version, e.g. 17: {@code /usr/lib/postgresql/17/bin} or the server
             * build from Maven Central. 0 (the default) is {@code -Dysql.server.version}, else the
             * machine's installation.
             */
            public Builder version(int major) { this.version = major; return this; }

            public Settings build() {
                List<String> listen = listenAddresses != null ? listenAddresses
                        : Loopback.hasIpv6() ? List.of(Loopback.IPV4, Loopback.IPV6) : List.of(Loopback.IPV4);
                return new Settings(port, superuser, superuserPassword, database, passwordEncryption,
                        extraConf, extraHba, listen, createAuthRoles, sslCert, hbaMode, sslCrl, version);
            }
        }
    }
}
