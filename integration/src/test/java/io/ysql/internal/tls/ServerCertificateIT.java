package io.ysql.internal.tls;

import static io.ysql.internal.tls.TlsFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.ConnectionInfo;
import io.ysql.YsqlConnection;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ServerCertKind;
import io.ysql.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server certificate checks of verify-ca and verify-full against a server presenting each bad
 * certificate in turn: the failure says which check failed (chain, expiry, host name, revocation)
 * and carries no certificate text; the good variants (a CN-only certificate, a wildcard, an IP
 * address subjectAltName, {@code hostaddr} beside a host name) pass. Also {@code sslrootcert}
 * file errors and {@code sslrootcert=system}. The cluster is this class's own, so that swapping
 * its certificate disturbs no other test.
 */
class ServerCertificateIT {
    private static final TestCertificates CERTS = TestCertificates.get();
    private static final AuthRole ROLE = AuthRole.SCRAM;
    private static PgCluster cluster;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        cluster = PgCluster.start(PgCluster.Settings.builder().ssl(ServerCertKind.SERVER).build());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.stop();
    }

    @AfterEach
    void restoreCertificate() {
        if (cluster.serverCert().orElseThrow() != ServerCertKind.SERVER) cluster.useServerCert(ServerCertKind.SERVER);
    }

    private static String conninfo(String mode, String extra) {
        return cluster.conninfo(ROLE) + " sslmode=" + mode + " sslrootcert=" + CERTS.rootCert() + " " + extra;
    }

    private YsqlConnection connect(String conninfo) throws SQLException {
        return FakeHome.empty(temp).connect(conninfo);
    }

    private SQLException refused(ServerCertKind kind, String conninfo) {
        return failure(() -> connect(conninfo).close(),
                List.of(CERTS.serverCert(kind), CERTS.serverKey(kind), CERTS.rootCert()), ROLE.password());
    }

    private static void assertHandshakeFailure(SQLException e, String... fragments) {
        assertThat(e.getSQLState()).startsWith("08");
        assertThat(e.getMessage()).contains("SSL handshake with").contains(fragments);
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify-ca", "verify-full"})
    void expiredCertificateIsRefused(String mode) {
        cluster.useServerCert(ServerCertKind.EXPIRED);
        SQLException e = refused(ServerCertKind.EXPIRED, conninfo(mode, ""));
        assertHandshakeFailure(e, "certificate has expired", "was valid until");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify-ca", "verify-full"})
    void notYetValidCertificateIsRefused(String mode) {
        cluster.useServerCert(ServerCertKind.NOT_YET_VALID);
        SQLException e = refused(ServerCertKind.NOT_YET_VALID, conninfo(mode, ""));
        assertHandshakeFailure(e, "certificate is not yet valid", "is valid from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify-ca", "verify-full"})
    void certificateFromAnUnknownCaIsRefused(String mode) {
        cluster.useServerCert(ServerCertKind.UNKNOWN_CA);
        SQLException e = refused(ServerCertKind.UNKNOWN_CA, conninfo(mode, ""));
        assertHandshakeFailure(e, "certificate chain", "does not lead to a root certificate in",
                CERTS.rootCert().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify-ca", "verify-full"})
    void selfSignedCertificateIsRefused(String mode) {
        cluster.useServerCert(ServerCertKind.SELF_SIGNED);
        SQLException e = refused(ServerCertKind.SELF_SIGNED, conninfo(mode, ""));
        assertHandshakeFailure(e, "certificate chain", "does not lead to a root certificate");
    }

    @Test
    void requireWithASelfSignedCertificateAndNoRootFileEncryptsWithoutVerifying() throws SQLException {
        cluster.useServerCert(ServerCertKind.SELF_SIGNED);
        try (YsqlConnection conn = connect(cluster.conninfo(ROLE) + " sslmode=require")) {
            ConnectionInfo info = conn.connectionInfo();
            assertThat(info.encrypted()).isTrue();
            assertThat(info.serverCertificateSubject()).isEqualTo(info.serverCertificateIssuer());
        }
    }

    @Test
    void requireWithARootFileInHomeVerifiesTheChainLikeVerifyCa() {
        cluster.useServerCert(ServerCertKind.SELF_SIGNED);
        FakeHome home = FakeHome.trustedRoot(temp);
        SQLException e = failure(() -> home.connect(cluster.conninfo(ROLE) + " sslmode=require").close(),
                List.of(CERTS.serverCert(ServerCertKind.SELF_SIGNED)));
        assertHandshakeFailure(e, "certificate chain", home.rootFile().toString());
    }

    @ParameterizedTest
    @CsvSource({"verify-ca, sslcrl", "verify-full, sslcrl", "verify-ca, sslcrldir", "verify-full, sslcrldir"})
    void revokedCertificateIsRefusedWithARevocationList(String mode, String option) {
        cluster.useServerCert(ServerCertKind.REVOKED);
        Path list = option.equals("sslcrl") ? CERTS.crl() : CERTS.crlDir();
        SQLException e = refused(ServerCertKind.REVOKED, conninfo(mode, option + "=" + list));
        assertHandshakeFailure(e, "certificate has been revoked", "certificate revocation list");
    }

    @Test
    void revokedCertificatePassesWithoutARevocationList() throws SQLException {
        cluster.useServerCert(ServerCertKind.REVOKED);
        try (YsqlConnection conn = connect(conninfo("verify-full", ""))) {
            assertThat(conn.connectionInfo().encrypted()).isTrue();
        }
    }

    @Test
    void goodCertificatePassesTheRevocationCheck() throws SQLException {
        try (YsqlConnection conn = connect(conninfo("verify-full", "sslcrl=" + CERTS.crl() + " sslcrldir=" + CERTS.crlDir()))) {
            assertThat(conn.connectionInfo().encrypted()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"host=127.0.0.1", "host=localhost hostaddr=127.0.0.1"})
    void otherHostCertificatePassesVerifyCaButNotVerifyFull(String target) throws SQLException {
        cluster.useServerCert(ServerCertKind.OTHER_HOST);
        String base = cluster.conninfo(ROLE) + " " + target + " sslrootcert=" + CERTS.rootCert();
        try (YsqlConnection conn = connect(base + " sslmode=verify-ca")) {
            assertThat(conn.connectionInfo().encrypted()).isTrue();
        }
        SQLException e = refused(ServerCertKind.OTHER_HOST, base + " sslmode=verify-full");
        String host = target.startsWith("host=localhost") ? "localhost" : "127.0.0.1";
        assertHandshakeFailure(e, "host name \"" + host + "\" does not match the certificate", "db.example.com");
    }

    @Test
    void commonNameIsUsedWhenThereIsNoSubjectAltName() throws SQLException {
        cluster.useServerCert(ServerCertKind.CN_ONLY);
        try (YsqlConnection conn = connect(conninfo("verify-full", "host=localhost hostaddr=127.0.0.1"))) {
            assertThat(conn.connectionInfo().serverCertificateSubject()).contains("CN=localhost");
        }
    }

    @Test
    void wildcardMatchesOneLabel() throws SQLException {
        cluster.useServerCert(ServerCertKind.WILDCARD);
        try (YsqlConnection conn = connect(conninfo("verify-full", "host=db.localtest.me hostaddr=127.0.0.1"))) {
            assertThat(conn.connectionInfo().encrypted()).isTrue();
        }
        SQLException e = refused(ServerCertKind.WILDCARD, conninfo("verify-full", "host=a.b.localtest.me hostaddr=127.0.0.1"));
        assertHandshakeFailure(e, "host name \"a.b.localtest.me\" does not match", "*.localtest.me");
    }

    @Test
    void ipAddressHostMatchesTheIpSubjectAltName() throws SQLException {
        try (YsqlConnection conn = connect(conninfo("verify-full", "host=127.0.0.1"))) {
            assertThat(conn.connectionInfo().encrypted()).isTrue();
        }
    }

    @Test
    void hostNameIsCheckedAgainstHostNotHostaddr() throws SQLException {
        try (YsqlConnection conn = connect(conninfo("verify-full", "host=localhost hostaddr=127.0.0.1"))) {
            assertThat(conn.connectionInfo().encrypted()).isTrue();
        }
        SQLException e = refused(ServerCertKind.SERVER, conninfo("verify-full", "host=db.example.com hostaddr=127.0.0.1"));
        assertHandshakeFailure(e, "host name \"db.example.com\" does not match the certificate", "localhost", "127.0.0.1");
    }

    @Test
    void systemRootsDoNotTrustTheTestCa() {
        SQLException e = failure(() -> connect(cluster.conninfo(ROLE) + " sslrootcert=system").close(), List.of());
        assertHandshakeFailure(e, "certificate chain", "the Java runtime's trusted roots (sslrootcert=system)");
        SQLException full = failure(() -> connect(cluster.conninfo(ROLE) + " sslrootcert=system sslmode=verify-full").close(),
                List.of());
        assertHandshakeFailure(full, "certificate chain", "sslrootcert=system");
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable", "allow", "prefer", "require", "verify-ca"})
    void systemRootsRefuseWeakerModes(String mode) {
        SQLException e = failure(() -> connect(cluster.conninfo(ROLE) + " sslrootcert=system sslmode=" + mode).close(),
                List.of());
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("weak sslmode \"" + mode + "\" may not be used with sslrootcert=system");
    }

    @Test
    void missingRootFileIsNamed() {
        Path missing = temp.resolve("no-such-root.crt");
        SQLException e = failure(() -> connect(cluster.conninfo(ROLE) + " sslmode=require sslrootcert=" + missing).close(),
                List.of());
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("root certificate file \"" + missing + "\"").contains("does not exist");
    }

    @Test
    void unreadableRootFileIsNamed() throws Exception {
        Path garbage = Files.writeString(temp.resolve("garbage.crt"), "this is not a certificate\n");
        SQLException e = failure(() -> connect(cluster.conninfo(ROLE) + " sslmode=verify-ca sslrootcert=" + garbage).close(),
                List.of());
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("\"" + garbage + "\"");
        Path directory = Files.createDirectory(temp.resolve("a-directory.crt"));
        SQLException d = failure(() -> connect(cluster.conninfo(ROLE) + " sslmode=verify-ca sslrootcert=" + directory).close(),
                List.of());
        assertThat(d.getSQLState()).isEqualTo("08001");
        assertThat(d.getMessage()).contains("\"" + directory + "\"");
    }

    @Test
    void verifyCaWithoutRootFileNamesTheDefaultFile() {
        FakeHome home = FakeHome.empty(temp);
        SQLException e = failure(() -> home.connect(cluster.conninfo(ROLE) + " sslmode=verify-ca").close(), List.of());
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("root certificate file \"" + home.rootFile() + "\" does not exist")
                .contains("sslrootcert=system");
    }
}
