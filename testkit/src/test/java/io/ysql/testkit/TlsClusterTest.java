package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared TLS cluster, with psql as the libpq client: the server certificate, its swaps, the
 * client certificate roles and libpq's default files. Each test that swaps the certificate puts
 * {@code SERVER} back.
 */
class TlsClusterTest {
    private static final String SCRAM = "user=scram_user password=scram_user_pw";
    private final PgCluster cluster = PgCluster.sharedTls();
    private final TestCertificates certs = TestCertificates.get();

    @AfterEach
    void serveTheGoodCertificateAgain() {
        cluster.useServerCert(ServerCertKind.SERVER);
    }

    @Test
    void sharedTlsIsOneClusterWithTlsAndCertRoles() {
        assertThat(PgCluster.sharedTls()).isSameAs(cluster).isNotSameAs(PgCluster.shared());
        assertThat(cluster.serverCert()).contains(ServerCertKind.SERVER);
        assertThat(cluster.tlsRoles()).containsExactlyInAnyOrder(TlsRole.values());
        assertThat(cluster.psql("show ssl")).isEqualTo("on");
        assertThat(cluster.psql(SetupScript.HBA_ERRORS)).isEqualTo("0");
        assertThat(PgCluster.shared().serverCert()).isEmpty();
        assertThat(PgCluster.shared().psql("show ssl")).isEqualTo("off");
        assertThatThrownBy(() -> PgCluster.shared().useServerCert(ServerCertKind.SERVER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TLS off");
    }

    @Test
    void verifyFullAcceptsTheServerByNameAndByAddress() {
        assertThat(TlsPsql.who(cluster, "host=localhost " + SCRAM + verifyFull())).isEqualTo("t|scram_user");
        assertThat(TlsPsql.who(cluster, "host=127.0.0.1 " + SCRAM + verifyFull())).isEqualTo("t|scram_user");
        assertThat(TlsPsql.who(cluster, "host=localhost " + SCRAM + " sslmode=disable")).isEqualTo("f|scram_user");
    }

    @Test
    void verifyFullRefusesAnotherHostsCertificateAfterTheSwap() {
        cluster.useServerCert(ServerCertKind.OTHER_HOST);
        assertThat(cluster.serverCert()).contains(ServerCertKind.OTHER_HOST);
        CommandRunner.Result refused = TlsPsql.run(cluster, "host=localhost " + SCRAM + verifyFull(), TlsPsql.WHO);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("server certificate for \"db.example.com\" does not match host name "
                + "\"localhost\"");
        assertThat(TlsPsql.who(cluster, "host=localhost " + SCRAM + verifyCa())).isEqualTo("t|scram_user");
        cluster.useServerCert(ServerCertKind.SERVER);
        assertThat(TlsPsql.who(cluster, "host=localhost " + SCRAM + verifyFull())).isEqualTo("t|scram_user");
    }

    @Test
    void libpqFallsBackToTheCommonNameOnlyWithoutDnsNames() {
        cluster.useServerCert(ServerCertKind.CN_ONLY);
        assertThat(TlsPsql.who(cluster, "host=localhost " + SCRAM + verifyFull())).isEqualTo("t|scram_user");
        assertThat(TlsPsql.run(cluster, "host=127.0.0.1 " + SCRAM + verifyFull(), TlsPsql.WHO).stderr())
                .contains("does not match host name \"127.0.0.1\"");
    }

    @Test
    void wildcardMatchesOneLeftmostLabel() {
        cluster.useServerCert(ServerCertKind.WILDCARD);
        assertThat(TlsPsql.who(cluster, "host=db.localtest.me hostaddr=127.0.0.1 " + SCRAM + verifyFull()))
                .isEqualTo("t|scram_user");
        assertThat(TlsPsql.run(cluster, "host=a.b.localtest.me hostaddr=127.0.0.1 " + SCRAM + verifyFull(),
                TlsPsql.WHO).stderr()).contains("does not match host name \"a.b.localtest.me\"");
        assertThat(TlsPsql.run(cluster, "host=localhost " + SCRAM + verifyFull(), TlsPsql.WHO).exitCode()).isNotZero();
    }

    @ParameterizedTest
    @EnumSource(value = ServerCertKind.class, names = {"EXPIRED", "NOT_YET_VALID", "UNKNOWN_CA", "SELF_SIGNED"})
    void badChainsFailVerifyCaButPassRequire(ServerCertKind kind) {
        cluster.useServerCert(kind);
        CommandRunner.Result refused = TlsPsql.run(cluster, "host=localhost " + SCRAM + verifyCa(), TlsPsql.WHO);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("certificate verify failed");
        assertThat(TlsPsql.who(cluster, "host=localhost " + SCRAM + " sslmode=require")).isEqualTo("t|scram_user");
    }

    @Test
    void revokedFailsWithTheCrlFileOrDirectoryOnly() {
        String crlFile = " sslcrl=" + certs.crl();
        String crlDir = " sslcrldir=" + certs.crlDir();
        assertThat(TlsPsql.who(cluster, "host=localhost " + SCRAM + verifyFull() + crlFile)).isEqualTo("t|scram_user");
        assertThat(TlsPsql.who(cluster, "host=localhost " + SCRAM + verifyFull() + crlDir)).isEqualTo("t|scram_user");
        cluster.useServerCert(ServerCertKind.REVOKED);
        assertThat(TlsPsql.who(cluster, "host=localhost " + SCRAM + verifyFull())).isEqualTo("t|scram_user");
        assertThat(TlsPsql.run(cluster, "host=localhost " + SCRAM + verifyFull() + crlFile, TlsPsql.WHO).stderr())
                .contains("certificate verify failed");
        assertThat(TlsPsql.run(cluster, "host=localhost " + SCRAM + verifyFull() + crlDir, TlsPsql.WHO).stderr())
                .contains("certificate verify failed");
    }

    @Test
    void ecdsaCertificateServesChannelBinding() {
        cluster.useServerCert(ServerCertKind.ECDSA_SHA384);
        assertThat(TlsPsql.who(cluster, "host=localhost " + SCRAM + verifyFull() + " channel_binding=require"
                + " sslcrldir=" + certs.crlDir())).isEqualTo("t|scram_user");
    }

    @ParameterizedTest
    @EnumSource(ClientKeyFormat.class)
    void certUserLogsInWithEachKeyFormat(ClientKeyFormat format) {
        String options = "host=localhost user=cert_user" + verifyFull() + " sslcert=" + certs.clientCert(format)
                + " sslkey=" + certs.clientKey(format)
                + (format == ClientKeyFormat.PKCS8_ENCRYPTED ? " sslpassword=" + certs.clientKeyPassword() : "");
        assertThat(TlsPsql.who(cluster, options)).isEqualTo("t|cert_user");
    }

    @Test
    void certUserNeedsItsCertificateAndAPrivateKeyFile() {
        assertThat(TlsPsql.run(cluster, "host=localhost user=cert_user" + verifyFull(), TlsPsql.WHO).stderr())
                .contains("connection requires a valid client certificate");
        assertThat(TlsPsql.run(cluster, "host=localhost user=cert_user" + verifyFull() + " sslcert="
                + certs.clientCert(ClientKeyFormat.PKCS8) + " sslkey=" + certs.clientKeyReadableByOthers(),
                TlsPsql.WHO).stderr()).contains("has group or world access");
        assertThat(TlsPsql.run(cluster, "host=localhost user=cert_user sslmode=disable", TlsPsql.WHO).exitCode())
                .isNotZero();
    }

    @Test
    void certScramUserNeedsBothCertificateAndPassword() {
        String cert = " sslcert=" + certs.clientCert(TlsRole.CERT_SCRAM) + " sslkey=" + certs.clientKey(TlsRole.CERT_SCRAM);
        assertThat(TlsPsql.who(cluster, "host=localhost user=cert_scram_user password=cert_scram_user_pw"
                + verifyFull() + cert)).isEqualTo("t|cert_scram_user");
        assertThat(TlsPsql.run(cluster, "host=localhost user=cert_scram_user password=cert_scram_user_pw"
                + verifyFull(), TlsPsql.WHO).stderr()).contains("connection requires a valid client certificate");
        assertThat(TlsPsql.run(cluster, "host=localhost user=cert_scram_user password=wrong" + verifyFull() + cert,
                TlsPsql.WHO).stderr()).contains("password authentication failed");
        // cert_user's certificate is valid but names another user: verify-full compares the CN.
        assertThat(TlsPsql.run(cluster, "host=localhost user=cert_scram_user password=cert_scram_user_pw"
                + verifyFull() + " sslcert=" + certs.clientCert(TlsRole.CERT) + " sslkey=" + certs.clientKey(TlsRole.CERT),
                TlsPsql.WHO).exitCode()).isNotZero();
    }

    @Test
    void fakeHomeSuppliesLibpqsDefaultFiles() {
        assertThat(TlsPsql.who(cluster, certs.home(), "host=localhost user=cert_user sslmode=verify-full"))
                .isEqualTo("t|cert_user");
    }

    private String verifyFull() {
        return " sslmode=verify-full sslrootcert=" + certs.rootCert();
    }

    private String verifyCa() {
        return " sslmode=verify-ca sslrootcert=" + certs.rootCert();
    }
}
