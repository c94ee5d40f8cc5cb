package io.ysql.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostNameCheckTest {
    private static X509Certificate cert(TestPki.CertificateSpec spec) {
        return spec.build().certificate();
    }

    private static boolean accepts(X509Certificate c, String host) {
        try {
            HostNameCheck.verify(host, c);
            return true;
        } catch (CertificateRejected e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "db.example.com, db.example.com, true",
            "db.example.com, DB.Example.COM, true",
            "DB.EXAMPLE.COM, db.example.com, true",
            "db.example.com, db2.example.com, false",
            "*.example.com, a.example.com, true",
            "*.example.com, A.EXAMPLE.com, true",
            "*.example.com, a.b.example.com, false",
            "*.example.com, example.com, false",
            "*.example.com, .example.com, false",
            "*.example.com, a.example.org, false",
            "*.example.com, aexample.com, false",
            "f*.example.com, foo.example.com, false",
            "*, anything, false",
            "*., a., false",
            "a.*.example.com, a.b.example.com, false",
            "*.com, example.com, true"})
    void nameMatching(String pattern, String host, boolean expected) {
        assertThat(HostNameCheck.nameMatches(pattern, host)).isEqualTo(expected);
    }

    @Test
    void dnsNamesAreMatchedAndListedOnFailure() {
        X509Certificate c = cert(TestPki.certificate("CN=ignored.example.com").dns("db.example.com", "*.db.example.com"));
        assertThat(accepts(c, "db.example.com")).isTrue();
        assertThat(accepts(c, "n1.db.example.com")).isTrue();
        assertThat(accepts(c, "ignored.example.com")).as("CN is ignored when a dNSName exists").isFalse();
        assertThatThrownBy(() -> HostNameCheck.verify("x.n1.db.example.com", c))
                .isInstanceOf(CertificateRejected.class)
                .hasMessage("host name \"x.n1.db.example.com\" does not match the certificate "
                        + "(names: db.example.com, *.db.example.com)");
    }

    @Test
    void ipLiteralsMatchIpAddressEntries() {
        X509Certificate c = cert(TestPki.certificate("CN=db").ip("10.0.0.7", "2001:db8::7"));
        assertThat(accepts(c, "10.0.0.7")).isTrue();
        assertThat(accepts(c, "2001:db8::7")).isTrue();
        assertThat(accepts(c, "2001:DB8:0:0:0:0:0:7")).isTrue();
        assertThat(accepts(c, "10.0.0.8")).isFalse();
        assertThat(accepts(c, "db")).as("without a dNSName entry a name is matched against the CN").isTrue();
        assertThatThrownBy(() -> HostNameCheck.verify("10.0.0.8", c))
                .hasMessageContaining("(names: 10.0.0.7, 2001:db8:0:0:0:0:0:7)");
    }

    @Test
    void ipLiteralAlsoMatchesADnsNameSpellingIt() {
        // libpq has always compared the host text with dNSName entries, IP literals included
        assertThat(accepts(cert(TestPki.certificate("CN=x").dns("192.0.2.1")), "192.0.2.1")).isTrue();
    }

    @Test
    void commonNameOnlyWithoutASubjectAltNameOfTheHostsKind() {
        X509Certificate cnOnly = cert(TestPki.certificate("O=Acme, CN=db.example.com"));
        assertThat(accepts(cnOnly, "db.example.com")).isTrue();
        assertThat(accepts(cnOnly, "DB.example.com")).isTrue();
        X509Certificate wildcardCn = cert(TestPki.certificate("CN=*.example.com"));
        assertThat(accepts(wildcardCn, "db.example.com")).isTrue();
        // an IP host falls back to CN when there is no iPAddress entry, even with dNSName entries (libpq)
        X509Certificate ipCn = cert(TestPki.certificate("CN=10.1.1.1").dns("db.example.com"));
        assertThat(accepts(ipCn, "10.1.1.1")).isTrue();
        X509Certificate ipCnWithIpSan = cert(TestPki.certificate("CN=10.1.1.1").ip("10.1.1.2"));
        assertThat(accepts(ipCnWithIpSan, "10.1.1.1")).isFalse();
    }

    @Test
    void aCertificateWithoutNamesIsRefused() {
        X509Certificate c = cert(TestPki.certificate("O=Acme"));
        assertThatThrownBy(() -> HostNameCheck.verify("db", c))
                .hasMessage("could not get server's host name from server certificate");
        assertThatThrownBy(() -> HostNameCheck.verify("", cert(TestPki.certificate("CN=db"))))
                .hasMessageContaining("host name must be specified");
    }

    @Test
    void ipLiteralParsingNeverResolves() {
        assertThat(HostNameCheck.ipLiteral("127.0.0.1")).containsExactly(127, 0, 0, 1);
        assertThat(HostNameCheck.ipLiteral("::1")).hasSize(16);
        assertThat(HostNameCheck.ipLiteral("256.0.0.1")).isNull();
        assertThat(HostNameCheck.ipLiteral("localhost")).isNull();
        assertThat(HostNameCheck.ipLiteral("db.example.com")).isNull();
        assertThat(HostNameCheck.ipLiteral("fe80::1%eth0")).isNull();
        assertThat(HostNameCheck.ipLiteral("::ffff:10.0.0.1")).as("no IPv4-in-IPv6 mapping").isNull();
    }

    @Test
    void commonNameIsTheFirstCn() throws CertificateRejected {
        assertThat(HostNameCheck.commonName(cert(TestPki.certificate("CN=first, OU=x, CN=second")))).isIn("first", "second");
        assertThat(HostNameCheck.commonName(cert(TestPki.certificate("O=none")))).isNull();
        assertThatCode(() -> HostNameCheck.verify("ünï.example", cert(TestPki.certificate("CN=ünï.example"))))
                .doesNotThrowAnyException();
    }
}
