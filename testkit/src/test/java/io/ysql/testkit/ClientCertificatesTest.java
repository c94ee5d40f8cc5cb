package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Client certificates and keys: formats, permissions, and that each key belongs to its certificate. */
class ClientCertificatesTest {
    private final TestCertificates certs = TestCertificates.get();
    private final X509Certificate root = PemBlocks.certificates(certs.rootCert()).get(0);

    @ParameterizedTest
    @EnumSource(ClientKeyFormat.class)
    void eachKeyHasItsPemLabelAndSignsForItsCertificate(ClientKeyFormat format) throws Exception {
        String label = switch (format) {
            case PKCS8 -> "PRIVATE KEY";
            case PKCS8_ENCRYPTED -> "ENCRYPTED PRIVATE KEY";
            case PKCS1_RSA -> "RSA PRIVATE KEY";
            case SEC1_EC -> "EC PRIVATE KEY";
        };
        assertThat(PemBlocks.read(certs.clientKey(format))).extracting(PemBlocks.Block::type).containsExactly(label);
        assertThat(Files.getPosixFilePermissions(certs.clientKey(format)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        List<X509Certificate> chain = PemBlocks.certificates(certs.clientCert(format));
        assertThat(chain.get(0).getSubjectX500Principal().getName()).startsWith("CN=cert_user,");
        assertThat(chain.get(0).getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        TestCertificatesTest.validate(chain, root, List.of());
        assertThat(chain).hasSize(format.ec() ? 1 : 2);
        assertSignsFor(privateKey(format), chain.get(0));
    }

    @Test
    void encryptedKeyDecryptsWithTheJdkToTheSameKey() throws Exception {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(
                PemBlocks.read(certs.clientKey(ClientKeyFormat.PKCS8_ENCRYPTED)).get(0).der());
        // The JDK names PBES2 parameters after their PRF and cipher; that name opens both factories.
        String algorithm = info.getAlgParameters().toString();
        assertThat(algorithm).isEqualTo("PBEWithHmacSHA256AndAES_256");
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
                .generateSecret(new PBEKeySpec(certs.clientKeyPassword().toCharArray())), info.getAlgParameters());
        PrivateKey decrypted = KeyFactory.getInstance("RSA").generatePrivate(info.getKeySpec(cipher));
        assertThat(decrypted).isEqualTo(privateKey(ClientKeyFormat.PKCS8));
    }

    @Test
    void readableCopyIsTheSameKeyWithMode0644() throws Exception {
        assertThat(Files.getPosixFilePermissions(certs.clientKeyReadableByOthers()))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.readString(certs.clientKeyReadableByOthers()))
                .isEqualTo(Files.readString(certs.clientKey(ClientKeyFormat.PKCS8)));
    }

    @ParameterizedTest
    @EnumSource(TlsRole.class)
    void eachTlsRoleHasACertificateNamedAfterIt(TlsRole role) throws Exception {
        List<X509Certificate> chain = PemBlocks.certificates(certs.clientCert(role));
        assertThat(chain.get(0).getSubjectX500Principal().getName()).startsWith("CN=" + role.user() + ",");
        TestCertificatesTest.validate(chain, root, List.of());
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(PemBlocks.read(certs.clientKey(role)).get(0).der()));
        assertSignsFor(key, chain.get(0));
    }

    @Test
    void homeHoldsLibpqsDefaultFiles() throws Exception {
        Path dir = certs.home().resolve(".postgresql");
        assertThat(Files.readString(dir.resolve("root.crt"))).isEqualTo(Files.readString(certs.rootCert()));
        assertThat(Files.readString(dir.resolve("postgresql.crt")))
                .isEqualTo(Files.readString(certs.clientCert(TlsRole.CERT)));
        assertThat(Files.readString(dir.resolve("postgresql.key")))
                .isEqualTo(Files.readString(certs.clientKey(TlsRole.CERT)));
        assertThat(Files.getPosixFilePermissions(dir.resolve("postgresql.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    private PrivateKey privateKey(ClientKeyFormat format) throws Exception {
        byte[] der = PemBlocks.read(certs.clientKey(format)).get(0).der();
        return switch (format) {
            case PKCS8 -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            case PKCS8_ENCRYPTED -> {
                EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
                String algorithm = info.getAlgParameters().toString();
                Cipher cipher = Cipher.getInstance(algorithm);
                cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(
                        new PBEKeySpec(certs.clientKeyPassword().toCharArray())), info.getAlgParameters());
                yield KeyFactory.getInstance("RSA").generatePrivate(info.getKeySpec(cipher));
            }
            case PKCS1_RSA, SEC1_EC -> {
                try (PEMParser parser = new PEMParser(Files.newBufferedReader(certs.clientKey(format)))) {
                    yield new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) parser.readObject()).getPrivate();
                }
            }
        };
    }

    private static void assertSignsFor(PrivateKey key, X509Certificate certificate) throws Exception {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] data = "proof of possession".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }
}
