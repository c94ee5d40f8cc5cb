package io.ysql.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads the PEM files libpq reads: certificates ({@code sslrootcert}, {@code sslcert}, where a
 * client certificate file may carry its intermediates after the leaf) and certificate revocation
 * lists ({@code sslcrl}, and every PEM CRL in the {@code sslcrldir} directory). A file that holds
 * none of what it should, or a block that does not parse, is an error naming the file.
 */
final class CertificateFiles {
    /** Largest file read: certificate bundles are kilobytes, CRLs of big CAs a few megabytes. */
    static final long MAX_FILE_SIZE = 64L << 20;

    private CertificateFiles() {}

    /**
     * Every {@code CERTIFICATE} block of {@code file}, in order.
     *
     * @param what how the message names the file, e.g. "root certificate file"
     */
    static List<X509Certificate> certificates(Path file, String what) throws SQLException {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (PemBlock b : PemBlock.parseAll(readText(file, what))) {
                if (b.label().equals("CERTIFICATE") || b.label().equals("X509 CERTIFICATE")) {
                    out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw TlsErrors.setup("could not read " + what + " \"" + file + "\": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw TlsErrors.setup("could not read " + what + " \"" + file
                    + "\": it holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(out);
    }

    /** Every {@code X509 CRL} block of {@code file}; a file without one is an error. */
    static List<X509CRL> crls(Path file) throws SQLException {
        List<X509CRL> out = crlsIn(file);
        if (out.isEmpty()) {
            throw TlsErrors.setup("could not read certificate revocation list file \"" + file
                    + "\": it holds no PEM CRL (-----BEGIN X509 CRL-----)");
        }
        return out;
    }

    /**
     * The CRLs of every regular file in {@code dir}, files in name order. Files holding no CRL
     * (OpenSSL's hashed-name links to certificates, a README) are skipped.
     */
    static List<X509CRL> crlDirectory(Path dir) throws SQLException {
        TreeSet<Path> files = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p)) files.add(p);
            }
        } catch (IOException e) {
            throw TlsErrors.setup("could not read certificate revocation list directory \"" + dir + "\": "
                    + e.getMessage(), e);
        }
        List<X509CRL> out = new ArrayList<>();
        for (Path f : files) out.addAll(crlsIn(f));
        return List.copyOf(out);
    }

    private static List<X509CRL> crlsIn(Path file) throws SQLException {
        String what = "certificate revocation list file";
        List<X509CRL> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (PemBlock b : PemBlock.parseAll(readText(file, what))) {
                if (b.label().equals("X509 CRL")) out.add((X509CRL) cf.generateCRL(new ByteArrayInputStream(b.der())));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw TlsErrors.setup("could not read " + what + " \"" + file + "\": " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    /** The file's bytes as text (PEM is ASCII); bounded so a wrong path cannot exhaust memory. */
    static String readText(Path file, String what) throws SQLException {
        return new String(readBytes(file, what), StandardCharsets.ISO_8859_1);
    }

    static byte[] readBytes(Path file, String what) throws SQLException {
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw TlsErrors.setup(what + " \"" + file + "\" is larger than " + (MAX_FILE_SIZE >> 20) + " MiB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw TlsErrors.setup("could not read " + what + " \"" + file + "\": " + describe(e), e);
        }
    }

    static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }
}
