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
        return parsed(file, "CERTIFICATE", "certificate",
                (factory, der) -> (X509Certificate) factory.generateCertificate(der));
    }

    static List<X509CRL> crls(Path file) {
        return parsed(file, "X509 CRL", "CRL", (factory, der) -> (X509CRL) factory.generateCRL(der));
    }

    /** Reads an X.509 object from DER bytes. */
    @FunctionalInterface
    private interface X509Parser<T> {
        T parse(CertificateFactory factory, ByteArrayInputStream der) throws GeneralSecurityException;
    }

    /** Every block of {@code file}, each of PEM type {@code type}, parsed. */
    private static <T> List<T> parsed(Path file, String type, String what, X509Parser<T> parser) {
        List<T> out = new ArrayList<>();
        for (Block block : read(file)) {
            if (!block.type().equals(type)) throw new AssertionError("not a " + what + ": " + block.type());
            try {
                out.add(parser.parse(CertificateFactory.getInstance("X.509"), new ByteArrayInputStream(block.der())));
            } catch (GeneralSecurityException e) {
                throw new AssertionError("unreadable " + what + " in " + file, e);
            }
        }
        return out;
    }
}
