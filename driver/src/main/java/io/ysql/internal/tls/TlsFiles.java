package io.ysql.internal.tls;

import io.ysql.config.ConnectionConfig;
import io.ysql.config.ConnectionOption;
import io.ysql.config.Options;
import io.ysql.config.SslMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate material one TLS policy uses, found and loaded as libpq finds it: the root
 * certificates ({@code sslrootcert}, default {@code ~/.postgresql/root.crt}, or {@code system}),
 * the revocation lists ({@code sslcrl}, {@code sslcrldir}, default {@code ~/.postgresql/root.crl})
 * and the client certificate and key ({@code sslcert}, {@code sslkey}, defaults
 * {@code ~/.postgresql/postgresql.crt} and {@code .key}). A default file that is absent means "not
 * used"; a file named explicitly (in the options or a {@code PGSSL*} variable) must exist. That is
 * stricter than libpq, which silently skips a missing {@code sslcrl} or {@code sslcert} and, below
 * verify-ca, a missing {@code sslrootcert}: a mistyped path would otherwise turn a check off.
 *
 * @param roots       the trusted roots, or {@code null} when the server certificate is not checked
 * @param rootsSource how messages name the roots
 * @param crls        revocation lists; empty when none apply
 * @param clientKey   the client certificate and key, or {@code null} when none is sent
 */
record TlsFiles(List<X509Certificate> roots, String rootsSource, List<X509CRL> crls, ClientKey clientKey) {
    static final String SYSTEM = "system";

    /** Loads what {@code mode} needs; {@code home} locates the default files (may be {@code null}). */
    static TlsFiles load(ConnectionConfig config, Path home, SslMode mode) throws SQLException {
        boolean system = SYSTEM.equals(config.get(Options.SSLROOTCERT));
        List<X509Certificate> roots;
        String source;
        if (system) {
            roots = systemRoots();
            source = "the Java runtime's trusted roots (sslrootcert=system)";
        } else {
            Path file = path(config, Options.SSLROOTCERT, home, "root.crt");
            source = "root certificate file \"" + file + "\"";
            roots = file != null && Files.exists(file) ? CertificateFiles.certificates(file, "root certificate file") : null;
            if (roots == null) refuseMissingRoot(config, mode, file);
        }
        List<X509CRL> crls = roots == null ? List.of() : crls(config, home, system);
        return new TlsFiles(roots, source, crls, clientKey(config, home));
    }

    private static void refuseMissingRoot(ConnectionConfig config, SslMode mode, Path file) throws SQLException {
        if (config.isSet(Options.SSLROOTCERT)) {
            throw TlsErrors.setup("root certificate file \"" + file + "\" (sslrootcert) does not exist");
        }
        if (mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL) {
            String hint = "\nEither provide the file, use the system's trusted roots with sslrootcert=system, or change "
                    + "sslmode to disable server certificate verification.";
            throw TlsErrors.setup(file == null ? "could not get home directory to locate root certificate file" + hint
                    : "root certificate file \"" + file + "\" does not exist" + hint);
        }
    }

    private static List<X509CRL> crls(ConnectionConfig config, Path home, boolean system) throws SQLException {
        List<X509CRL> out = new ArrayList<>();
        boolean fileGiven = given(config, Options.SSLCRL);
        boolean dirGiven = given(config, Options.SSLCRLDIR);
        if (fileGiven) {
            Path f = Path.of(config.get(Options.SSLCRL));
            if (!Files.exists(f)) {
                throw TlsErrors.setup("certificate revocation list file \"" + f + "\" (sslcrl) does not exist");
            }
            out.addAll(CertificateFiles.crls(f));
        }
        if (dirGiven) {
            Path d = Path.of(config.get(Options.SSLCRLDIR));
            if (!Files.isDirectory(d)) {
                throw TlsErrors.setup("certificate revocation list directory \"" + d + "\" (sslcrldir) does not exist "
                        + "or is not a directory");
            }
            out.addAll(CertificateFiles.crlDirectory(d));
        }
        if (!fileGiven && !dirGiven && !system) {
            Path f = path(config, Options.SSLCRL, home, "root.crl");
            if (f != null && Files.exists(f)) out.addAll(CertificateFiles.crls(f));
        }
        return List.copyOf(out);
    }

    private static ClientKey clientKey(ConnectionConfig config, Path home) throws SQLException {
        Path certFile = path(config, Options.SSLCERT, home, "postgresql.crt");
        Path keyFile = path(config, Options.SSLKEY, home, "postgresql.key");
        boolean haveCert = certFile != null && Files.exists(certFile);
        if (!haveCert && config.isSet(Options.SSLCERT)) {
            throw TlsErrors.setup("certificate file \"" + certFile + "\" (sslcert) does not exist");
        }
        boolean haveKey = keyFile != null && Files.exists(keyFile);
        if (!haveKey && config.isSet(Options.SSLKEY)) {
            throw TlsErrors.setup("private key file \"" + keyFile + "\" (sslkey) does not exist");
        }
        if (!haveCert) return null;
        List<X509Certificate> chain = CertificateFiles.certificates(certFile, "certificate file");
        if (!haveKey) throw TlsErrors.setup("certificate present, but not private key file \"" + keyFile + "\"");
        KeyFilePermissions.check(keyFile);
        String pw = config.get(Options.SSLPASSWORD);
        char[] password = pw == null ? null : pw.toCharArray();
        PrivateKey key;
        byte[] content = null;
        try {
            content = CertificateFiles.readBytes(keyFile, "private key file");
            key = PrivateKeyReader.read(keyFile, content, password);
        } finally {
            PrivateKeyReader.wipe(password);
            if (content != null) java.util.Arrays.fill(content, (byte) 0);
        }
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw TlsErrors.setup("certificate does not match private key file \"" + keyFile + "\" (the certificate in \""
                    + certFile + "\" is for another key)");
        }
        return new ClientKey(key, chain);
    }

    /** The file an option names, or its default under {@code home/.postgresql}; {@code null} if neither. */
    static Path path(ConnectionConfig config, ConnectionOption<String> option, Path home, String defaultName) {
        String value = config.get(option);
        if (config.isSet(option) || home == null) return value == null || value.isEmpty() ? null : Path.of(value);
        return home.resolve(".postgresql").resolve(defaultName);
    }

    private static boolean given(ConnectionConfig config, ConnectionOption<String> option) {
        String v = config.get(option);
        return config.isSet(option) && v != null && !v.isEmpty();
    }

    private static List<X509Certificate> systemRoots() throws SQLException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) return List.of(x.getAcceptedIssuers());
            }
            throw new GeneralSecurityException("no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw TlsErrors.setup("could not load the Java runtime's trusted root certificates (sslrootcert=system): "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code key} is the private half of {@code publicKey}: same modulus, or a signature that verifies. */
    private static boolean matches(PrivateKey key, PublicKey publicKey) throws SQLException {
        if (key instanceof RSAKey r && publicKey instanceof RSAKey p) return r.getModulus().equals(p.getModulus());
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448, EdDSA
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
