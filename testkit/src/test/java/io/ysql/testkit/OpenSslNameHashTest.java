package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

class OpenSslNameHashTest {

    @Test
    void matchesOpenSsl() throws Exception {
        // `openssl x509 -hash -noout` of a certificate with this subject prints fe5a17e6.
        assertThat(OpenSslNameHash.of(principal("O=ysql-driver testkit,CN=ysql test root CA"))).isEqualTo("fe5a17e6");
    }

    @Test
    void ignoresCaseAndExtraWhiteSpaceAsOpenSslDoes() throws Exception {
        assertThat(OpenSslNameHash.of(principal("O= ysql-driver TESTKIT,CN=  YSQL Test   Root CA ")))
                .isEqualTo("fe5a17e6");
    }

    @Test
    void dependsOnTheOrderOfTheNames() throws Exception {
        assertThat(OpenSslNameHash.of(principal("CN=ysql test root CA,O=ysql-driver testkit")))
                .isNotEqualTo("fe5a17e6").matches("[0-9a-f]{8}");
    }

    /** A principal whose DER lists the names in the order written (BouncyCastle keeps it). */
    private static X500Principal principal(String name) throws Exception {
        return new X500Principal(new X500Name(name).getEncoded());
    }
}
