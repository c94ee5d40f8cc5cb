package io.ysql.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PrivateKeyReaderTest {
    private static final Path FILE = Path.of("/keys/client.key");

    private static PrivateKey read(String pem, String password) throws SQLException {
        return read(pem.getBytes(StandardCharsets.US_ASCII), password);
    }

    private static PrivateKey read(byte[] content, String password) throws SQLException {
        return PrivateKeyReader.read(FILE, content, password == null ? null : password.toCharArray());
    }

    private static boolean signsFor(PrivateKey key, PublicKey pub, String algorithm) throws GeneralSecurityException {
        byte[] data = "channel".getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance(algorithm);
        s.initSign(key);
        s.update(data);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(algorithm);
        v.initVerify(pub);
        v.update(data);
        return v.verify(sig);
    }

    private static PublicKey ecPublic() throws GeneralSecurityException {
        PemBlock b = PemBlock.parseAll(OpenSslKeys.EC_PUBLIC).get(0);
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(b.der()));
    }

    private static PublicKey rsaPublic(PrivateKey k) throws GeneralSecurityException {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) k;
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    @Test
    void sec1EcKeyFromOpenSslLoads() throws Exception {
        PrivateKey k = read(OpenSslKeys.EC_SEC1, null);
        assertThat(k.getAlgorithm()).isEqualTo("EC");
        assertThat(signsFor(k, ecPublic(), "SHA256withECDSA")).isTrue();
    }

    @Test
    void sec1KeyAfterItsParametersBlockLoads() throws Exception {
        PrivateKey k = read(OpenSslKeys.EC384_WITH_PARAMETERS, null);
        assertThat(((ECPrivateKey) k).getParams().getCurve().getField().getFieldSize()).isEqualTo(384);
    }

    @Test
    void pkcs1RsaKeyFromOpenSslLoads() throws Exception {
        PrivateKey k = read(OpenSslKeys.RSA_PKCS1, null);
        assertThat(k).isInstanceOf(RSAPrivateCrtKey.class);
        assertThat(((RSAPrivateCrtKey) k).getModulus().bitLength()).isEqualTo(2048);
        assertThat(signsFor(k, rsaPublic(k), "SHA256withRSA")).isTrue();
    }

    @Test
    void opensslPkcs8Aes256CbcDecryptsToTheSameKey() throws Exception {
        PrivateKey plainEc = read(OpenSslKeys.EC_SEC1, null);
        PrivateKey decryptedEc = read(OpenSslKeys.EC_ENCRYPTED, OpenSslKeys.PASSPHRASE);
        assertThat(((ECPrivateKey) decryptedEc).getS()).isEqualTo(((ECPrivateKey) plainEc).getS());
        PrivateKey plainRsa = read(OpenSslKeys.RSA_PKCS1, null);
        PrivateKey decryptedRsa = read(OpenSslKeys.RSA_ENCRYPTED, OpenSslKeys.PASSPHRASE);
        assertThat(decryptedRsa.getEncoded()).isEqualTo(plainRsa.getEncoded());
    }

    @Test
    void wrongPassphraseSaysSoWithoutRepeatingIt() {
        for (String pem : new String[] {OpenSslKeys.EC_ENCRYPTED, OpenSslKeys.RSA_ENCRYPTED}) {
            assertThatThrownBy(() -> read(pem, "battery staple"))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("could not decrypt the private key in \"/keys/client.key\": wrong sslpassword?")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        }
    }

    @Test
    void encryptedKeyWithoutPassphraseAsksForSslpassword() {
        assertThatThrownBy(() -> read(OpenSslKeys.EC_ENCRYPTED, null))
                .hasMessageContaining("is encrypted; give its passphrase in sslpassword");
        assertThatThrownBy(() -> read(OpenSslKeys.EC_ENCRYPTED, ""))
                .hasMessageContaining("give its passphrase in sslpassword");
    }

    @Test
    void legacyEncryptedPkcs1IsRefusedWithTheConversionCommand() {
        assertThatThrownBy(() -> read(OpenSslKeys.RSA_LEGACY_ENCRYPTED, "legacy"))
                .hasMessageContaining("Proc-Type: 4,ENCRYPTED")
                .hasMessageContaining("openssl pkcs8 -topk8 -v2 aes-256-cbc")
                .hasMessageNotContaining("legacy\"");
    }

    @Test
    void plainPkcs8OfEveryKindLoads() throws Exception {
        for (KeyPair kp : new KeyPair[] {TestPki.rsa(), TestPki.ec("secp384r1"), TestPki.ed25519()}) {
            PrivateKey k = read(TestPki.pkcs8(kp), null);
            assertThat(k.getEncoded()).as(kp.getPrivate().getAlgorithm()).isEqualTo(kp.getPrivate().getEncoded());
        }
    }

    @Test
    void derPkcs8WithoutPemLoads() throws Exception {
        KeyPair kp = TestPki.ec("secp256r1");
        assertThat(read(kp.getPrivate().getEncoded(), null).getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
    }

    @Test
    void textAroundTheBlockIsIgnored() throws Exception {
        String exported = "Bag Attributes\n    localKeyID: 01 02\nKey Attributes: <No Attributes>\n" + OpenSslKeys.EC_SEC1
                + "trailing words\n";
        assertThat(read(exported, null).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void filesWithoutAKeyAreRefused() {
        KeyPair kp = TestPki.ec("secp256r1");
        String certOnly = TestPki.pem(TestPki.certificate("CN=x").keys(kp).build().certificate());
        assertThatThrownBy(() -> read(certOnly, null)).hasMessageContaining("holds no private key");
        assertThatThrownBy(() -> read("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n", null))
                .hasMessageContaining("not supported").hasMessageContaining("openssl pkcs8");
        assertThatThrownBy(() -> read("-----BEGIN PRIVATE KEY-----\nAAAA\n", null)).hasMessageContaining("no END line");
        assertThatThrownBy(() -> read("just text".getBytes(StandardCharsets.US_ASCII), null))
                .hasMessageContaining("not a PEM or DER PKCS#8 key");
        assertThatThrownBy(() -> read(TestPki.pem("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}), null))
                .hasMessageContaining("/keys/client.key");
    }
}
