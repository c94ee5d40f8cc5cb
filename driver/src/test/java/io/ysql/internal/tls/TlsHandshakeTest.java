package io.ysql.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handshakes between {@link TlsPolicy} and an in-JVM TLS server, one per check the policy makes. */
class TlsHandshakeTest {
    @TempDir
    Path home;

    private TestPki.Issued ca;
    private TestPki.Issued server;

    @BeforeEach
    void pki() throws Exception {
        ca = TestPki.ca("Test Root CA");
        server = TestPki.certificate("CN=db.test").dns("localhost").ip("127.0.0.1").issuedBy(ca).build();
        TestPki.write(home.resolve(".postgresql/root.crt"), TestPki.pem(ca.certificate()));
    }

    private TlsPolicy policy(String... pairs) throws SQLException {
        Map<String, String> m = new HashMap<>();
        for (int k = 0; k < pairs.length; k += 2) m.put(pairs[k], pairs[k + 1]);
        return TlsPolicy.of(ConnectionConfig.fromMap(m, new ConfigSources(Map.of(), home)), home);
    }

    private static TestTlsServer serve(TestPki.Issued cert) throws Exception {
        return new TestTlsServer(cert, List.of(), null, true);
    }

    /** Connects, hands the socket to the policy and waits for the server's byte. */
    private static Socket connect(TlsPolicy policy, TestTlsServer s, String host) throws Exception {
        Socket plain = new Socket(InetAddress.getLoopbackAddress(), s.port());
        plain.setSoTimeout(10_000);
        Socket tls = policy.handshake(plain, host, s.port());
        assertThat(tls.getInputStream().read()).isEqualTo('k');
        return tls;
    }

    private static void assertRejected(TlsPolicy policy, TestTlsServer s, String host, String... fragments) {
        assertThatThrownBy(() -> connect(policy, s, host))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08006"))
                .hasMessageStartingWith("SSL handshake with " + host + ":" + s.port() + " failed: ")
                .hasMessageContainingAll(fragments);
    }

    @Test
    void goodChainAndHostName() throws Exception {
        try (TestTlsServer s = serve(server); Socket tls = connect(policy("sslmode", "verify-full"), s, "localhost")) {
            TlsSessionInfo info = TlsPolicy.describe(tls);
            assertThat(info.protocol()).isEqualTo("TLSv1.3");
            assertThat(info.peerSubject()).isEqualTo("CN=db.test");
            assertThat(info.peerIssuer()).isEqualTo("CN=Test Root CA");
            assertThat(info.applicationProtocol()).isEqualTo("postgresql");
            assertThat(TlsPolicy.channelBindingHash(tls))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(server.certificate().getEncoded()));
            assertThat(s.seen().sniHostName()).isEqualTo("localhost");
        }
    }

    @Test
    void ipLiteralHostMatchesIpAddressEntryAndSendsNoSni() throws Exception {
        try (TestTlsServer s = serve(server); Socket tls = connect(policy("sslmode", "verify-full"), s, "127.0.0.1")) {
            assertThat(s.seen().sniHostName()).isNull();
        }
    }

    @Test
    void unknownCaFailsTheChainCheck() throws Exception {
        TestPki.Issued stranger = TestPki.certificate("CN=db.test").dns("localhost").issuedBy(TestPki.ca("Other CA")).build();
        try (TestTlsServer s = serve(stranger)) {
            assertRejected(policy("sslmode", "verify-ca"), s, "localhost", "certificate chain", "CN=db.test",
                    "CN=Other CA", home.resolve(".postgresql/root.crt").toString());
        }
    }

    @Test
    void expiredCertificate() throws Exception {
        TestPki.Issued expired = TestPki.certificate("CN=old").dns("localhost").issuedBy(ca)
                .valid(Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(1))).build();
        try (TestTlsServer s = serve(expired)) {
            assertRejected(policy("sslmode", "verify-full"), s, "localhost", "certificate has expired", "CN=old");
        }
    }

    @Test
    void notYetValidCertificate() throws Exception {
        TestPki.Issued early = TestPki.certificate("CN=early").dns("localhost").issuedBy(ca)
                .valid(Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(60))).build();
        try (TestTlsServer s = serve(early)) {
            assertRejected(policy("sslmode", "verify-ca"), s, "localhost", "certificate is not yet valid", "CN=early");
        }
    }

    @Test
    void wrongHostNameFailsOnlyInVerifyFull() throws Exception {
        try (TestTlsServer s = serve(server)) {
            assertRejected(policy("sslmode", "verify-full"), s, "db.elsewhere.example",
                    "host name \"db.elsewhere.example\" does not match the certificate (names: localhost, 127.0.0.1)");
        }
        try (TestTlsServer s = serve(server); Socket tls = connect(policy("sslmode", "verify-ca"), s, "db.elsewhere.example")) {
            assertThat(s.seen().sniHostName()).isEqualTo("db.elsewhere.example");
        }
    }

    @Test
    void requireWithoutRootFileAcceptsAnyCertificate() throws Exception {
        Files.delete(home.resolve(".postgresql/root.crt"));
        TestPki.Issued selfSignedExpired = TestPki.certificate("CN=whatever")
                .valid(Instant.now().minus(Duration.ofDays(9)), Instant.now().minus(Duration.ofDays(2))).build();
        TlsPolicy require = policy("sslmode", "require");
        assertThat(require.verifiesChain()).isFalse();
        try (TestTlsServer s = serve(selfSignedExpired); Socket tls = connect(require, s, "elsewhere")) {
            assertThat(TlsPolicy.describe(tls).peerSubject()).isEqualTo("CN=whatever");
        }
    }

    @Test
    void requireWithRootFileChecksTheChainAsLibpqDoes() throws Exception {
        TestPki.Issued stranger = TestPki.certificate("CN=db.test").issuedBy(TestPki.ca("Other CA")).build();
        for (String mode : new String[] {"require", "prefer", "allow"}) {
            try (TestTlsServer s = serve(stranger)) {
                assertRejected(policy("sslmode", mode), s, "localhost", "certificate chain");
            }
        }
    }

    @Test
    void revokedCertificateFailsWithTheCrl() throws Exception {
        Path crl = TestPki.write(home.resolve("crl.pem"), TestPki.pem(TestPki.crl(ca, server.certificate())));
        try (TestTlsServer s = serve(server)) {
            assertRejected(policy("sslmode", "verify-full", "sslcrl", crl.toString()), s, "localhost",
                    "certificate has been revoked", "CN=db.test");
        }
    }

    @Test
    void revokedCertificateFailsWithTheCrlDirectoryAndTheDefaultCrl() throws Exception {
        TestPki.write(home.resolve("crls/a.r0"), TestPki.pem(TestPki.crl(ca, server.certificate())));
        TestPki.write(home.resolve("crls/README"), "not a CRL\n");
        try (TestTlsServer s = serve(server)) {
            assertRejected(policy("sslmode", "verify-ca", "sslcrldir", home.resolve("crls").toString()), s, "localhost",
                    "certificate has been revoked");
        }
        TestPki.write(home.resolve(".postgresql/root.crl"), TestPki.pem(TestPki.crl(ca, server.certificate())));
        try (TestTlsServer s = serve(server)) {
            assertRejected(policy("sslmode", "verify-ca"), s, "localhost", "certificate has been revoked");
        }
    }

    @Test
    void currentCrlWithoutTheServerPasses() throws Exception {
        TestPki.Issued other = TestPki.certificate("CN=other").issuedBy(ca).build();
        Path crl = TestPki.write(home.resolve("crl.pem"), TestPki.pem(TestPki.crl(ca, other.certificate())));
        try (TestTlsServer s = serve(server);
             Socket tls = connect(policy("sslmode", "verify-full", "sslcrl", crl.toString()), s, "localhost")) {
            assertThat(tls.isConnected()).isTrue();
        }
    }

    @Test
    void crlsMustCoverEveryIssuer() throws Exception {
        TestPki.Issued otherCa = TestPki.ca("Unrelated CA");
        Path crl = TestPki.write(home.resolve("crl.pem"), TestPki.pem(TestPki.crl(otherCa)));
        try (TestTlsServer s = serve(server)) {
            assertRejected(policy("sslmode", "verify-full", "sslcrl", crl.toString()), s, "localhost",
                    "certificate chain", "revocation status", "CN=Test Root CA");
        }
    }

    @Test
    void clientCertificateIsSentWhenTheServerAsks() throws Exception {
        TestPki.Issued clientCa = TestPki.ca("Client CA");
        TestPki.Issued client = TestPki.certificate("CN=app_user").keys(TestPki.rsa()).issuedBy(clientCa).build();
        TestPki.write(home.resolve(".postgresql/postgresql.crt"), TestPki.pem(client.certificate()));
        TestPki.write(home.resolve(".postgresql/postgresql.key"), TestPki.pkcs8(client.keys()), "rw-------");
        TlsPolicy p = policy("sslmode", "verify-full");
        assertThat(p.hasClientCertificate()).isTrue();
        try (TestTlsServer s = new TestTlsServer(server, List.of(), clientCa.certificate(), false);
             Socket tls = connect(p, s, "localhost")) {
            assertThat(s.seen().clientCertificate()).isEqualTo(client.certificate());
        }
    }

    @Test
    void serverAskingForAClientCertificateGetsNoneWhenNoneIsConfigured() throws Exception {
        TestPki.Issued clientCa = TestPki.ca("Client CA");
        TlsPolicy p = policy("sslmode", "require");
        assertThat(p.hasClientCertificate()).isFalse();
        try (TestTlsServer s = new TestTlsServer(server, List.of(), clientCa.certificate(), false)) {
            assertThatThrownBy(() -> connect(p, s, "localhost")).isInstanceOf(Exception.class);
            assertThatThrownBy(s::seen).hasRootCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void protocolRangeIsApplied() throws Exception {
        try (TestTlsServer s = serve(server);
             Socket tls = connect(policy("sslmode", "verify-full", "ssl_max_protocol_version", "TLSv1.2"), s, "localhost")) {
            assertThat(TlsPolicy.describe(tls).protocol()).isEqualTo("TLSv1.2");
            assertThat(s.seen().protocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void sniCanBeTurnedOff() throws Exception {
        try (TestTlsServer s = serve(server); Socket tls = connect(policy("sslmode", "verify-full", "sslsni", "0"), s, "localhost")) {
            assertThat(s.seen().sniHostName()).isNull();
        }
    }

    @Test
    void directNegotiationInsistsOnAlpn() throws Exception {
        TlsPolicy direct = policy("sslmode", "require", "sslnegotiation", "direct");
        assertThat(direct.direct()).isTrue();
        try (TestTlsServer s = serve(server); Socket tls = connect(direct, s, "localhost")) {
            assertThat(s.seen().alpn()).isEqualTo("postgresql");
        }
        try (TestTlsServer s = new TestTlsServer(server, List.of(), null, false)) {
            Socket plain = new Socket(InetAddress.getLoopbackAddress(), s.port());
            assertThatThrownBy(() -> direct.handshake(plain, "localhost", s.port()))
                    .hasMessageContaining("direct SSL connection was established without ALPN protocol negotiation extension");
            assertThat(plain.isClosed()).isTrue();
        }
    }

    @Test
    void serverSendingItsChainIsAccepted() throws Exception {
        try (TestTlsServer s = new TestTlsServer(server, List.of(ca.certificate()), null, true);
             Socket tls = connect(policy("sslmode", "verify-full"), s, "localhost")) {
            assertThat(tls.isConnected()).isTrue();
        }
    }

    @Test
    void describeRefusesAPlainSocket() {
        assertThatThrownBy(() -> TlsPolicy.describe(new Socket())).isInstanceOf(IllegalArgumentException.class);
        assertThat(TlsPolicy.channelBindingHash(new Socket())).isNull();
    }
}
