package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLS files of a cluster: copies of the {@link TestCertificates} in its data directory, owned
 * by the server's OS user ({@code postgres} when the JVM is root; the server refuses a key that
 * others can read), the postgresql.conf lines that point at them, and the switch of the server
 * certificate on a running server: {@code ALTER SYSTEM} names the new files, and
 * {@code pg_reload_conf()} makes the postmaster reload its SSL context (it does on SIGHUP). Paths
 * in the conf are relative, which the server resolves against the data directory.
 */
final class ServerTls {
    static final String ROOT_FILE = "root.crt";
    static final String CRL_FILE = "root.crl";
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(30);
    private static final String RELOAD_FAILED = "SSL configuration was not reloaded";

    private ServerTls() {}

    static String certFile(ServerCertKind kind) { return "server-" + kind.fileStem() + ".crt"; }
    static String keyFile(ServerCertKind kind) { return "server-" + kind.fileStem() + ".key"; }

    /** The postgresql.conf lines for a TLS cluster; none when TLS is off. */
    static List<String> confLines(PgCluster.Settings settings) {
        if (!settings.ssl()) return List.of();
        List<String> lines = new ArrayList<>(List.of(
                "ssl = on",
                "ssl_cert_file = " + Quoting.confValue(certFile(settings.sslCert())),
                "ssl_key_file = " + Quoting.confValue(keyFile(settings.sslCert())),
                "ssl_ca_file = " + Quoting.confValue(ROOT_FILE)));
        if (settings.sslCrl()) lines.add("ssl_crl_file = " + Quoting.confValue(CRL_FILE));
        return lines;
    }

    /** Copies the root bundle, the CRL when asked for, and the settings' server certificate and key. */
    static void install(Path dataDirectory, PgCluster.Settings settings) {
        TestCertificates certificates = TestCertificates.get();
        copy(certificates.rootCert(), dataDirectory.resolve(ROOT_FILE), PemFiles.PUBLIC_MODE);
        if (settings.sslCrl()) copy(certificates.crl(), dataDirectory.resolve(CRL_FILE), PemFiles.PUBLIC_MODE);
        installServerCert(dataDirectory, settings.sslCert());
    }

    /**
     * Makes the running server present {@code kind} to new connections, and returns once a new
     * backend sees the new file names (the postmaster has then reloaded its SSL context).
     *
     * @throws IllegalStateException when the server did not reload in time or rejected the files
     */
    static void use(ServerCertKind kind, Psql psql, String database, Path dataDirectory, Path logFile) {
        installServerCert(dataDirectory, kind);
        long logOffset = size(logFile);
        psql.run(database, "ALTER SYSTEM SET ssl_cert_file = " + Quoting.sqlLiteral(certFile(kind)) + ";\n"
                + "ALTER SYSTEM SET ssl_key_file = " + Quoting.sqlLiteral(keyFile(kind)) + ";\n"
                + "SELECT pg_reload_conf();\n", false);
        long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
        while (!psql.run(database, "SHOW ssl_cert_file", false).equals(certFile(kind))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not reload its configuration within "
                        + RELOAD_TIMEOUT + "\n--- server log (tail) ---\n" + ServerLog.tail(logFile));
            }
            pause();
        }
        String log = ServerLog.since(logFile, logOffset);
        if (log.contains(RELOAD_FAILED)) {
            throw new IllegalStateException("the server rejected the certificate " + kind + ":\n" + log.strip());
        }
    }

    private static void installServerCert(Path dataDirectory, ServerCertKind kind) {
        TestCertificates certificates = TestCertificates.get();
        copy(certificates.serverCert(kind), dataDirectory.resolve(certFile(kind)), PemFiles.PUBLIC_MODE);
        copy(certificates.serverKey(kind), dataDirectory.resolve(keyFile(kind)), PemFiles.KEY_MODE);
    }

    private static void copy(Path source, Path target, String mode) {
        try {
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            PemFiles.setMode(partial, mode);
            if (CommandRunner.jvmIsRoot()) {
                Files.setOwner(partial, FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(CommandRunner.SERVER_OS_USER));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + source + " as " + target, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server to reload", e);
        }
    }
}
