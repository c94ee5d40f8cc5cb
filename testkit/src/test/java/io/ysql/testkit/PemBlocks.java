package io.ysql.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM files with the JDK alone, as the driver must: blocks by type, certificates, CRLs. */
final class PemBlocks {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n([A-Za-z0-9+/=\\r\\n]+?)-----END \\1-----");

    private PemBlocks() {}

    /** One PEM block: its label and its DER bytes. */
    record Block(String type, byte[] der) {}

    static List<Block> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            List<Block> blocks = new ArrayList<>();
            Matcher matcher = BLOCK.matcher(text);
            while (matcher.find()) {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            }
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : read(file)) {
            if (!block.type().equals("CERTIFICATE")) throw new AssertionError("not a certificate: " + block.type());
            try {
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (GeneralSecurityException e) {
                throw new AssertionError("unreadable certificate in " + file, e);
            }
        }
        return certificates;
    }

    static List<X509CRL> crls(Path file) {
        List<X509CRL> crls = new ArrayList<>();
        for (Block block : read(file)) {
            if (!block.type().equals("X509 CRL")) throw new AssertionError("not a CRL: " + block.type());
            try {
                crls.add((X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(block.der())));
            } catch (GeneralSecurityException e) {
                throw new AssertionError("unreadable CRL in " + file, e);
            }
        }
        return crls;
    }
}
