package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * The test PKI of this JVM, made on first use with BouncyCastle into a fresh temporary directory
 * that is deleted at JVM exit: a root CA, an intermediate CA below it (chain root → intermediate
 * → leaf), a second intermediate with a P-384 key for {@link ServerCertKind#ECDSA_SHA384}, an
 * unrelated CA for {@link ServerCertKind#UNKNOWN_CA}, one server certificate per
 * {@link ServerCertKind}, client certificates for the {@link TlsRole}s with their keys in every
 * {@link ClientKeyFormat}, CRLs, and a fake home directory for libpq's default file names. Keys
 * are RSA 2048 unless said otherwise; key files are {@code 0600}, other files {@code 0644}. All
 * methods return paths to PEM files that exist.
 */
public final class TestCertificates {
    private static final String CLIENT_KEY_PASSWORD = "ysql-client-key-pw";

    private final Path directory;

    TestCertificates(Path directory) {
        this.directory = directory;
    }

    /**
     * The certificates of this JVM, generated on the first call (about a second) and shared after.
     *
     * @throws IllegalStateException when they cannot be generated (on every call, with the cause)
     */
    public static TestCertificates get() {
        Object outcome = Holder.CERTIFICATES_OR_FAILURE;
        if (outcome instanceof TestCertificates certificates) return certificates;
        RuntimeException failure = (RuntimeException) outcome;
        throw new IllegalStateException("the test certificates could not be generated: " + failure.getMessage(),
                failure);
    }

    private static final class Holder {
        static final Object CERTIFICATES_OR_FAILURE = attempt();

        private static Object attempt() {
            try {
                Path directory = Files.createTempDirectory("ysql-tls-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> ClusterTeardown.deleteRecursively(directory),
                        "testkit-delete-" + directory.getFileName()));
                TestCertificates certificates = new TestCertificates(directory);
                TestPki.generate(certificates);
                return certificates;
            } catch (IOException e) {
                return new UncheckedIOException("cannot create a directory for the test certificates", e);
            } catch (RuntimeException e) {
                return e;
            }
        }
    }

    /** The directory that holds every file. */
    public Path directory() { return directory; }

    /** The root CA's certificate alone: the {@code sslrootcert} that every good certificate chains to. */
    public Path rootCert() { return directory.resolve("root.crt"); }

    /** Two roots: first the unknown CA's, then the real root's; for multi-certificate bundles. */
    public Path rootBundle() { return directory.resolve("root-bundle.crt"); }

    /** The certificate of the CA that signed {@link ServerCertKind#UNKNOWN_CA}, which no other file trusts. */
    public Path unknownCaCert() { return directory.resolve("unknown-ca.crt"); }

    /** The chain file a server presents: the leaf, then the intermediate (none for self-signed and unknown-CA). */
    public Path serverCert(ServerCertKind kind) {
        return directory.resolve("server").resolve(Objects.requireNonNull(kind, "kind").fileStem() + ".crt");
    }

    /** The server's private key, unencrypted PKCS#8 PEM, {@code 0600}. */
    public Path serverKey(ServerCertKind kind) {
        return directory.resolve("server").resolve(Objects.requireNonNull(kind, "kind").fileStem() + ".key");
    }

    /**
     * The CRLs of the root, the intermediate and the EC intermediate, in one PEM file: the
     * intermediate's lists {@link ServerCertKind#REVOKED}, the others nothing. Every CA of the
     * chains has one, as OpenSSL's whole-chain CRL check (libpq's) requires.
     */
    public Path crl() { return directory.resolve("crl.pem"); }

    /** The same CRLs, one per file, named {@code <issuer hash>.r0} as {@code openssl rehash} does. */
    public Path crlDir() { return directory.resolve("crl.d"); }

    /**
     * The client certificate of {@code cert_user} that goes with {@link #clientKey(ClientKeyFormat)}:
     * for the RSA formats the leaf signed by the intermediate followed by the intermediate (the
     * server trusts only the root, so the client must send the intermediate, as libpq does); for
     * {@link ClientKeyFormat#SEC1_EC} a P-256 certificate signed directly by the root.
     */
    public Path clientCert(ClientKeyFormat format) {
        return directory.resolve("client").resolve(format.ec() ? "cert_user-ec.crt" : "cert_user.crt");
    }

    /** The private key of {@code cert_user} in {@code format}, {@code 0600}. */
    public Path clientKey(ClientKeyFormat format) {
        String name = switch (format) {
            case PKCS8 -> "cert_user.pkcs8.key";
            case PKCS8_ENCRYPTED -> "cert_user.pkcs8-encrypted.key";
            case PKCS1_RSA -> "cert_user.pkcs1.key";
            case SEC1_EC -> "cert_user-ec.sec1.key";
        };
        return directory.resolve("client").resolve(name);
    }

    /** A copy of the {@link ClientKeyFormat#PKCS8} key of {@code cert_user} with mode {@code 0644}, which libpq refuses. */
    public Path clientKeyReadableByOthers() { return directory.resolve("client").resolve("cert_user.pkcs8-0644.key"); }

    /** The password of {@link ClientKeyFormat#PKCS8_ENCRYPTED}, for {@code sslpassword}. */
    public String clientKeyPassword() { return CLIENT_KEY_PASSWORD; }

    /** The client certificate chain whose CN is the role's name (RSA, signed by the intermediate). */
    public Path clientCert(TlsRole role) {
        return role == TlsRole.CERT ? clientCert(ClientKeyFormat.PKCS8)
                : directory.resolve("client").resolve(role.user() + ".crt");
    }

    /** The role's client key, unencrypted PKCS#8, {@code 0600}. */
    public Path clientKey(TlsRole role) {
        return role == TlsRole.CERT ? clientKey(ClientKeyFormat.PKCS8)
                : directory.resolve("client").resolve(role.user() + ".pkcs8.key");
    }

    /**
     * A fake home directory whose {@code .postgresql/} holds libpq's default files: {@code root.crt}
     * (the root), {@code postgresql.crt} and {@code postgresql.key} (cert_user's RSA certificate and
     * PKCS#8 key). Pass it as HOME to psql, or to the driver as
     * {@code new io.ysql.config.ConfigSources(env, home())}.
     */
    public Path home() { return directory.resolve("home"); }

    @Override
    public String toString() {
        return "TestCertificates[" + directory + "]";
    }
}
