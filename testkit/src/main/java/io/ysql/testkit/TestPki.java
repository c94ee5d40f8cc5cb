package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Generates every file of {@link TestCertificates} into its directory: the CAs, one server
 * certificate per {@link ServerCertKind}, the client certificates and keys, the CRLs and the fake
 * home. Runs once per JVM.
 */
final class TestPki {
    private static final List<GeneralName> LOCALHOST = List.of(new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1"));

    private final TestCertificates files;
    private final SecureRandom random = new SecureRandom();
    private final Instant now = Instant.now();
    private final CertificateAuthority root;
    private final CertificateAuthority intermediate;
    private final CertificateAuthority ecIntermediate;
    private final CertificateAuthority unknownCa;
    private X509Certificate revoked;

    private TestPki(TestCertificates files) {
        this.files = files;
        root = CertificateAuthority.root("ysql test root CA", rsa(), now, random);
        intermediate = root.intermediate("ysql test intermediate CA", rsa(), now);
        ecIntermediate = root.intermediate("ysql test EC intermediate CA", ec("secp384r1"), now);
        unknownCa = CertificateAuthority.root("ysql test unknown CA", rsa(), now, random);
    }

    static void generate(TestCertificates files) {
        TestPki pki = new TestPki(files);
        pki.writeRoots();
        for (ServerCertKind kind : ServerCertKind.values()) pki.writeServer(kind);
        pki.writeClients();
        pki.writeCrls();
        pki.writeHome();
    }

    private void writeRoots() {
        PemFiles.writeCertificates(files.rootCert(), List.of(root.certificate()));
        PemFiles.writeCertificates(files.rootBundle(), List.of(unknownCa.certificate(), root.certificate()));
        PemFiles.writeCertificates(files.unknownCaCert(), List.of(unknownCa.certificate()));
    }

    private void writeServer(ServerCertKind kind) {
        KeyPair keys = kind == ServerCertKind.ECDSA_SHA384 ? ec("secp384r1") : rsa();
        Instant notBefore = now.minus(Duration.ofDays(1));
        Instant notAfter = now.plus(Duration.ofDays(365));
        X500Name localhost = CertificateAuthority.distinguishedName("localhost");
        CertificateAuthority.Leaf leaf = new CertificateAuthority.Leaf(localhost, keys.getPublic(), LOCALHOST,
                notBefore, notAfter, KeyPurposeId.id_kp_serverAuth);
        List<X509Certificate> served = new ArrayList<>();
        switch (kind) {
            case SERVER -> served.add(intermediate.issue(leaf));
            case EXPIRED -> served.add(intermediate.issue(validity(leaf, now.minus(Duration.ofDays(60)),
                    now.minus(Duration.ofDays(30)))));
            case NOT_YET_VALID -> served.add(intermediate.issue(validity(leaf, now.plus(Duration.ofDays(30)),
                    now.plus(Duration.ofDays(395)))));
            case OTHER_HOST -> served.add(intermediate.issue(sans(leaf,
                    List.of(new GeneralName(GeneralName.dNSName, "db.example.com")))));
            case CN_ONLY -> served.add(intermediate.issue(sans(leaf, List.of())));
            case WILDCARD -> served.add(intermediate.issue(new CertificateAuthority.Leaf(
                    CertificateAuthority.distinguishedName("*.localtest.me"), keys.getPublic(),
                    List.of(new GeneralName(GeneralName.dNSName, "*.localtest.me")), notBefore, notAfter,
                    KeyPurposeId.id_kp_serverAuth)));
            case UNKNOWN_CA -> served.add(unknownCa.issue(leaf));
            case SELF_SIGNED -> served.add(CertificateAuthority.selfSigned(leaf, keys, random));
            case REVOKED -> {
                revoked = intermediate.issue(leaf);
                served.add(revoked);
            }
            case ECDSA_SHA384 -> served.add(ecIntermediate.issue(leaf));
        }
        if (kind == ServerCertKind.ECDSA_SHA384) served.addAll(ecIntermediate.chainBelowRoot());
        else if (kind != ServerCertKind.UNKNOWN_CA && kind != ServerCertKind.SELF_SIGNED) {
            served.addAll(intermediate.chainBelowRoot());
        }
        PemFiles.writeCertificates(files.serverCert(kind), served);
        PemFiles.writePkcs8(files.serverKey(kind), keys.getPrivate(), PemFiles.KEY_MODE);
    }

    private void writeClients() {
        KeyPair rsaKeys = rsa();
        X509Certificate rsaCert = intermediate.issue(clientLeaf(TlsRole.CERT, rsaKeys));
        PemFiles.writeCertificates(files.clientCert(ClientKeyFormat.PKCS8),
                withChain(rsaCert, intermediate.chainBelowRoot()));
        PemFiles.writePkcs8(files.clientKey(ClientKeyFormat.PKCS8), rsaKeys.getPrivate(), PemFiles.KEY_MODE);
        PemFiles.writePkcs8(files.clientKeyReadableByOthers(), rsaKeys.getPrivate(), PemFiles.PUBLIC_MODE);
        PemFiles.writeEncryptedPkcs8(files.clientKey(ClientKeyFormat.PKCS8_ENCRYPTED), rsaKeys.getPrivate(),
                files.clientKeyPassword().toCharArray(), random);
        PemFiles.writePkcs1(files.clientKey(ClientKeyFormat.PKCS1_RSA), rsaKeys.getPrivate());

        KeyPair ecKeys = ec("secp256r1");
        PemFiles.writeCertificates(files.clientCert(ClientKeyFormat.SEC1_EC),
                List.of(root.issue(clientLeaf(TlsRole.CERT, ecKeys))));
        PemFiles.writeSec1(files.clientKey(ClientKeyFormat.SEC1_EC), (ECPrivateKey) ecKeys.getPrivate(),
                ecKeys.getPublic());

        for (TlsRole role : TlsRole.values()) {
            if (role == TlsRole.CERT) continue;
            KeyPair keys = rsa();
            PemFiles.writeCertificates(files.clientCert(role),
                    withChain(intermediate.issue(clientLeaf(role, keys)), intermediate.chainBelowRoot()));
            PemFiles.writePkcs8(files.clientKey(role), keys.getPrivate(), PemFiles.KEY_MODE);
        }
    }

    private void writeCrls() {
        List<X509CRL> crls = List.of(root.crl(List.of(), now), intermediate.crl(List.of(revoked), now),
                ecIntermediate.crl(List.of(), now));
        PemFiles.writeCrls(files.crl(), crls);
        for (X509CRL crl : crls) {
            PemFiles.writeCrls(files.crlDir().resolve(OpenSslNameHash.of(crl.getIssuerX500Principal()) + ".r0"),
                    List.of(crl));
        }
    }

    private void writeHome() {
        Path dotPostgresql = files.home().resolve(".postgresql");
        try {
            Files.createDirectories(dotPostgresql);
            PemFiles.setMode(dotPostgresql, "rwx------");
            copy(files.rootCert(), dotPostgresql.resolve("root.crt"), PemFiles.PUBLIC_MODE);
            copy(files.clientCert(TlsRole.CERT), dotPostgresql.resolve("postgresql.crt"), PemFiles.PUBLIC_MODE);
            copy(files.clientKey(TlsRole.CERT), dotPostgresql.resolve("postgresql.key"), PemFiles.KEY_MODE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fake home " + files.home(), e);
        }
    }

    private static void copy(Path source, Path target, String mode) throws IOException {
        Files.copy(source, target);
        PemFiles.setMode(target, mode);
    }

    private CertificateAuthority.Leaf clientLeaf(TlsRole role, KeyPair keys) {
        return new CertificateAuthority.Leaf(CertificateAuthority.distinguishedName(role.user()), keys.getPublic(),
                List.of(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), KeyPurposeId.id_kp_clientAuth);
    }

    private static CertificateAuthority.Leaf validity(CertificateAuthority.Leaf leaf, Instant from, Instant until) {
        return new CertificateAuthority.Leaf(leaf.subject(), leaf.publicKey(), leaf.sans(), from, until, leaf.purpose());
    }

    private static CertificateAuthority.Leaf sans(CertificateAuthority.Leaf leaf, List<GeneralName> sans) {
        return new CertificateAuthority.Leaf(leaf.subject(), leaf.publicKey(), sans, leaf.notBefore(),
                leaf.notAfter(), leaf.purpose());
    }

    private static List<X509Certificate> withChain(X509Certificate leaf, List<X509Certificate> chain) {
        List<X509Certificate> all = new ArrayList<>(List.of(leaf));
        all.addAll(chain);
        return all;
    }

    private KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC key on " + curve, e);
        }
    }
}
