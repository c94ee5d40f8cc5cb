package io.ysql.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServerEndPointHashTest {
    private static final KeyPair RSA = TestPki.rsa();
    private static final KeyPair EC = TestPki.ec("secp384r1");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "SHA256withRSA, SHA-256, RSA",
            "SHA1withRSA, SHA-256, RSA",
            "MD5withRSA, SHA-256, RSA",
            "SHA384withRSA, SHA-384, RSA",
            "SHA512withRSA, SHA-512, RSA",
            "SHA224withRSA, SHA-224, RSA",
            "SHA256withRSAandMGF1, SHA-256, RSA",
            "SHA384withRSAandMGF1, SHA-384, RSA",
            "SHA1withECDSA, SHA-256, EC",
            "SHA256withECDSA, SHA-256, EC",
            "SHA384withECDSA, SHA-384, EC",
            "SHA512withECDSA, SHA-512, EC"})
    void hashFollowsTheSignatureAlgorithm(String signature, String hash, String keyType) throws Exception {
        KeyPair signer = keyType.equals("RSA") ? RSA : EC;
        X509Certificate c = TestPki.certificate("CN=server").keys(signer).signature(signature).build().certificate();
        byte[] expected = MessageDigest.getInstance(hash).digest(c.getEncoded());
        assertThat(ServerEndPointHash.of(c)).isEqualTo(expected);
    }

    @Test
    void ed25519HasNoBindingData() {
        X509Certificate c = TestPki.certificate("CN=server").keys(TestPki.ed25519()).build().certificate();
        assertThat(c.getSigAlgName()).isEqualToIgnoringCase("Ed25519");
        assertThat(ServerEndPointHash.of(c)).isNull();
    }

    @Test
    void pssParametersDecideTheHash() {
        assertThat(ServerEndPointHash.hashFor("1.2.840.113549.1.1.10", null)).isEqualTo("SHA-256");
        // RSASSA-PSS-params with every field defaulted: SHA-1, which becomes SHA-256
        assertThat(ServerEndPointHash.hashFor("1.2.840.113549.1.1.10", new byte[] {0x30, 0x00})).isEqualTo("SHA-256");
        assertThat(ServerEndPointHash.hashFor("1.2.840.113549.1.1.10", new byte[] {0x30, 0x05, 0x01})).isNull();
        assertThat(ServerEndPointHash.hashFor("1.2.3.4", null)).isNull();
    }
}
