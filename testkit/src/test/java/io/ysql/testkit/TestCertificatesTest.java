package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server certificates are good or bad as intended, as the JDK's PKIX validator sees them. */
class TestCertificatesTest {
    private final TestCertificates certs = TestCertificates.get();
    private final X509Certificate root = PemBlocks.certificates(certs.rootCert()).get(0);

    @Test
    void oneSetPerJvm() {
        assertThat(TestCertificates.get()).isSameAs(certs);
        assertThat(certs.directory()).isDirectory();
    }

    @Test
    void rootIsASelfSignedCa() throws Exception {
        assertThat(PemBlocks.certificates(certs.rootCert())).hasSize(1);
        assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        root.verify(root.getPublicKey());
        assertThat(((RSAPublicKey) root.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    }

    @ParameterizedTest
    @EnumSource(value = ServerCertKind.class,
            names = {"SERVER", "OTHER_HOST", "CN_ONLY", "WILDCARD", "REVOKED", "ECDSA_SHA384"})
    void chainsThatVerify(ServerCertKind kind) throws Exception {
        List<X509Certificate> chain = PemBlocks.certificates(certs.serverCert(kind));
        assertThat(chain).as("leaf and intermediate").hasSize(2);
        assertThat(chain.get(1).getBasicConstraints()).isZero();
        validate(chain, root, List.of());
        assertThat(chain.get(0).getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void expiredAndNotYetValidFailOnTheirDates() {
        assertThat(reason(ServerCertKind.EXPIRED, root)).isEqualTo(BasicReason.EXPIRED);
        assertThat(reason(ServerCertKind.NOT_YET_VALID, root)).isEqualTo(BasicReason.NOT_YET_VALID);
    }

    @Test
    void unknownCaAndSelfSignedHaveNoTrustAnchor() throws Exception {
        assertThat(reason(ServerCertKind.UNKNOWN_CA, root)).isEqualTo(PKIXReason.NO_TRUST_ANCHOR);
        assertThat(reason(ServerCertKind.SELF_SIGNED, root)).isEqualTo(PKIXReason.NO_TRUST_ANCHOR);
        X509Certificate unknownCa = PemBlocks.certificates(certs.unknownCaCert()).get(0);
        validate(PemBlocks.certificates(certs.serverCert(ServerCertKind.UNKNOWN_CA)), unknownCa, List.of());
        X509Certificate selfSigned = PemBlocks.certificates(certs.serverCert(ServerCertKind.SELF_SIGNED)).get(0);
        selfSigned.verify(selfSigned.getPublicKey());
        assertThat(PemBlocks.certificates(certs.rootBundle())).containsExactly(unknownCa, root);
    }

    @Test
    void revokedFailsOnlyWhenTheCrlsAreChecked() throws Exception {
        List<X509CRL> crls = PemBlocks.crls(certs.crl());
        assertThat(crls).hasSize(3);
        assertThatThrownBy(() -> validate(PemBlocks.certificates(certs.serverCert(ServerCertKind.REVOKED)), root, crls))
                .isInstanceOfSatisfying(CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(BasicReason.REVOKED));
        validate(PemBlocks.certificates(certs.serverCert(ServerCertKind.SERVER)), root, crls);
        validate(PemBlocks.certificates(certs.serverCert(ServerCertKind.ECDSA_SHA384)), root, crls);
    }

    @Test
    void crlDirHoldsTheSameCrlsUnderTheirIssuerHashes() throws Exception {
        List<X509CRL> fromDir = new ArrayList<>();
        try (var files = Files.list(certs.crlDir())) {
            for (Path file : files.toList()) {
                X509CRL crl = PemBlocks.crls(file).get(0);
                assertThat(file.getFileName().toString())
                        .isEqualTo(OpenSslNameHash.of(crl.getIssuerX500Principal()) + ".r0");
                fromDir.add(crl);
            }
        }
        assertThat(fromDir).containsExactlyInAnyOrderElementsOf(PemBlocks.crls(certs.crl()));
    }

    @Test
    void subjectAltNamesAreAsDocumented() throws Exception {
        assertThat(sans(ServerCertKind.SERVER)).containsExactlyInAnyOrder(
                List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(sans(ServerCertKind.OTHER_HOST)).containsExactly(List.of(2, "db.example.com"));
        assertThat(leaf(ServerCertKind.OTHER_HOST).getSubjectX500Principal().getName()).startsWith("CN=localhost,");
        assertThat(leaf(ServerCertKind.CN_ONLY).getSubjectAlternativeNames()).isNull();
        assertThat(leaf(ServerCertKind.CN_ONLY).getSubjectX500Principal().getName()).startsWith("CN=localhost,");
        assertThat(sans(ServerCertKind.WILDCARD)).containsExactly(List.of(2, "*.localtest.me"));
    }

    @Test
    void signatureAlgorithmsGiveTheChannelBindingHashes() {
        assertThat(leaf(ServerCertKind.SERVER).getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(leaf(ServerCertKind.ECDSA_SHA384).getSigAlgName()).isEqualTo("SHA384withECDSA");
        assertThat(leaf(ServerCertKind.ECDSA_SHA384).getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(((RSAPublicKey) leaf(ServerCertKind.SERVER).getPublicKey()).getModulus().bitLength())
                .isEqualTo(2048);
    }

    @Test
    void serverKeysArePkcs8AndPrivate() throws Exception {
        for (ServerCertKind kind : ServerCertKind.values()) {
            assertThat(PemBlocks.read(certs.serverKey(kind))).extracting(PemBlocks.Block::type)
                    .as(kind.name()).containsExactly("PRIVATE KEY");
            assertThat(Files.getPosixFilePermissions(certs.serverKey(kind))).as(kind.name())
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    static void validate(List<X509Certificate> chain, X509Certificate anchor, Collection<X509CRL> crls)
            throws Exception {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(!crls.isEmpty());
        if (!crls.isEmpty()) {
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            parameters.addCertPathChecker(checker);
        }
        validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    }

    private CertPathValidatorException.Reason reason(ServerCertKind kind, X509Certificate anchor) {
        try {
            validate(PemBlocks.certificates(certs.serverCert(kind)), anchor, List.of());
        } catch (CertPathValidatorException e) {
            return e.getReason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(kind + " validated");
    }

    private X509Certificate leaf(ServerCertKind kind) {
        return PemBlocks.certificates(certs.serverCert(kind)).get(0);
    }

    private List<List<?>> sans(ServerCertKind kind) throws Exception {
        return new ArrayList<>(leaf(kind).getSubjectAlternativeNames());
    }
}
