package io.ysql.internal.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates, keys and CRLs made on the spot for the TLS tests, with BouncyCastle (a test-only
 * dependency): a CA, server and client certificates with chosen names, validity, signature
 * algorithm and issuer, revocation lists, and PEM files written with the permissions a key needs.
 */
final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private TestPki() {}

    /** A key pair and the certificate for it. */
    record Issued(KeyPair keys, X509Certificate certificate) {}

    static KeyPair rsa() {
        return generate("RSA", null);
    }

    static KeyPair ec(String curve) {
        return generate("EC", curve);
    }

    static KeyPair ed25519() {
        return generate("Ed25519", null);
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) g.initialize(new ECGenParameterSpec(curve));
            else if (algorithm.equals("RSA")) g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Issued ca(String commonName) {
        return certificate("CN=" + commonName).ca().build();
    }

    static CertificateSpec certificate(String subject) {
        return new CertificateSpec(subject);
    }

    /** A certificate to issue; self-signed unless {@link #issuedBy} is given. */
    static final class CertificateSpec {
        private final String subject;
        private final List<GeneralName> names = new ArrayList<>();
        private KeyPair keys;
        private Issued issuer;
        private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(30));
        private String signature;
        private boolean ca;

        private CertificateSpec(String subject) {
            this.subject = subject;
        }

        CertificateSpec dns(String... dnsNames) {
            for (String n : dnsNames) names.add(new GeneralName(GeneralName.dNSName, n));
            return this;
        }

        CertificateSpec ip(String... addresses) {
            for (String a : addresses) names.add(new GeneralName(GeneralName.iPAddress, a));
            return this;
        }

        CertificateSpec keys(KeyPair k) {
            this.keys = k;
            return this;
        }

        CertificateSpec issuedBy(Issued i) {
            this.issuer = i;
            return this;
        }

        CertificateSpec valid(Instant from, Instant until) {
            this.notBefore = from;
            this.notAfter = until;
            return this;
        }

        CertificateSpec signature(String algorithm) {
            this.signature = algorithm;
            return this;
        }

        CertificateSpec ca() {
            this.ca = true;
            return this;
        }

        Issued build() {
            KeyPair own = keys != null ? keys : ec("secp256r1");
            KeyPair signing = issuer != null ? issuer.keys() : own;
            X500Name issuerName = issuer != null
                    ? X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()) : new X500Name(subject);
            String sig = signature != null ? signature : defaultSignature(signing);
            try {
                JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                        new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                        new X500Name(subject), own.getPublic());
                if (ca) {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                if (!names.isEmpty()) {
                    b.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                }
                X509Certificate c = new JcaX509CertificateConverter().getCertificate(b.build(signer(sig, signing)));
                return new Issued(own, c);
            } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String defaultSignature(KeyPair k) {
        return switch (k.getPrivate().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> "Ed25519";
            default -> k.getPrivate().getAlgorithm();
        };
    }

    private static ContentSigner signer(String algorithm, KeyPair k) throws OperatorCreationException {
        return new JcaContentSignerBuilder(algorithm).setProvider(BC).build(k.getPrivate());
    }

    /** A current CRL from {@code ca} listing {@code revoked} (possibly none). */
    static X509CRL crl(Issued ca, X509Certificate... revoked) {
        try {
            X509v2CRLBuilder b = new JcaX509v2CRLBuilder(ca.certificate().getSubjectX500Principal(),
                    Date.from(Instant.now().minus(Duration.ofHours(1))));
            b.setNextUpdate(Date.from(Instant.now().plus(Duration.ofDays(7))));
            for (X509Certificate c : revoked) {
                b.addCRLEntry(c.getSerialNumber(), Date.from(Instant.now().minus(Duration.ofMinutes(30))),
                        CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(b.build(signer(defaultSignature(ca.keys()), ca.keys())));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    static String pem(X509Certificate... certificates) {
        StringBuilder sb = new StringBuilder();
        try {
            for (X509Certificate c : certificates) sb.append(pem("CERTIFICATE", c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    static String pem(X509CRL crl) {
        try {
            return pem("X509 CRL", crl.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as unencrypted PKCS#8 PEM. */
    static String pkcs8(KeyPair k) {
        return pem("PRIVATE KEY", k.getPrivate().getEncoded());
    }

    /** Writes {@code text} to {@code file} (creating directories) with permissions such as {@code rw-------}. */
    static Path write(Path file, String text, String permissions) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    static Path write(Path file, String text) throws IOException {
        return write(file, text, "rw-r--r--");
    }
}
