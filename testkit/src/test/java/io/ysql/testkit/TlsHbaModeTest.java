package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * TLS clusters of their own: pg_hba that admits only plaintext or only TLS, a server CRL, and
 * what libpq (psql) does with sslmode allow/prefer/require when {@code ~/.postgresql/root.crt}
 * exists but the server's certificate comes from an unknown CA. Those libpq observations are
 * what the driver must reproduce.
 */
class TlsHbaModeTest {
    private static final String SCRAM = "host=localhost user=scram_user password=scram_user_pw";
    private final TestCertificates certs = TestCertificates.get();

    @Test
    void hostnosslOnlyRefusesTls() {
        PgCluster.Settings settings = PgCluster.Settings.builder()
                .ssl(ServerCertKind.SERVER).hbaMode(HbaMode.NOSSL_ONLY).build();
        try (PgCluster cluster = PgCluster.start(settings)) {
            CommandRunner.Result refused = TlsPsql.run(cluster, SCRAM + " sslmode=require", TlsPsql.WHO);
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.stderr()).contains("no pg_hba.conf entry").contains("SSL encryption");
            assertThat(TlsPsql.who(cluster, SCRAM + " sslmode=disable")).isEqualTo("f|scram_user");
            assertThat(TlsPsql.who(cluster, SCRAM + " sslmode=prefer")).isEqualTo("f|scram_user");
            // The TLS roles keep their hostssl lines whatever the mode.
            assertThat(TlsPsql.who(cluster, "host=localhost user=cert_user sslmode=verify-full sslrootcert="
                    + certs.rootCert() + " sslcert=" + certs.clientCert(TlsRole.CERT) + " sslkey="
                    + certs.clientKey(TlsRole.CERT))).isEqualTo("t|cert_user");
        }
    }

    @Test
    void libpqWithRootCrtInHomeAndAnUnknownCa() {
        PgCluster cluster = PgCluster.sharedTls();
        cluster.useServerCert(ServerCertKind.UNKNOWN_CA);
        try {
            // A root.crt in ~/.postgresql makes libpq verify the chain in require, prefer and allow alike.
            CommandRunner.Result require = TlsPsql.run(cluster, certs.home(), SCRAM + " sslmode=require", TlsPsql.WHO);
            assertThat(require.exitCode()).isNotZero();
            assertThat(require.stderr()).contains("certificate verify failed");
            // prefer: the failed handshake is retried without TLS, which pg_hba (host) admits.
            assertThat(TlsPsql.who(cluster, certs.home(), SCRAM + " sslmode=prefer")).isEqualTo("f|scram_user");
            // allow: plaintext first, admitted, so TLS is never tried.
            assertThat(TlsPsql.who(cluster, certs.home(), SCRAM + " sslmode=allow")).isEqualTo("f|scram_user");
            // Without a root file nothing is verified: require and prefer get TLS.
            assertThat(TlsPsql.who(cluster, SCRAM + " sslmode=require")).isEqualTo("t|scram_user");
            assertThat(TlsPsql.who(cluster, SCRAM + " sslmode=prefer")).isEqualTo("t|scram_user");
        } finally {
            cluster.useServerCert(ServerCertKind.SERVER);
        }
    }

    @Test
    void hostsslOnlyWithAnUnknownCaAndAServerCrl() {
        PgCluster.Settings settings = PgCluster.Settings.builder()
                .ssl(ServerCertKind.UNKNOWN_CA).hbaMode(HbaMode.SSL_ONLY).sslCrl(true).build();
        try (PgCluster cluster = PgCluster.start(settings)) {
            assertThat(cluster.psql("show ssl_crl_file")).isEqualTo(ServerTls.CRL_FILE);
            CommandRunner.Result plaintext = TlsPsql.run(cluster, SCRAM + " sslmode=disable", TlsPsql.WHO);
            assertThat(plaintext.stderr()).contains("no pg_hba.conf entry").contains("no encryption");
            assertThat(TlsPsql.who(cluster, SCRAM + " sslmode=require")).isEqualTo("t|scram_user");
            assertThat(TlsPsql.who(cluster, SCRAM + " sslmode=allow")).isEqualTo("t|scram_user");
            // With root.crt in HOME every mode fails: TLS does not verify and plaintext is not admitted.
            // prefer tries TLS, then plaintext; allow tries plaintext, then TLS; libpq reports both attempts.
            assertThat(TlsPsql.run(cluster, certs.home(), SCRAM + " sslmode=require", TlsPsql.WHO).stderr())
                    .contains("certificate verify failed").doesNotContain("no pg_hba.conf entry");
            assertThat(TlsPsql.run(cluster, certs.home(), SCRAM + " sslmode=prefer", TlsPsql.WHO).stderr())
                    .containsSubsequence("certificate verify failed", "no pg_hba.conf entry");
            assertThat(TlsPsql.run(cluster, certs.home(), SCRAM + " sslmode=allow", TlsPsql.WHO).stderr())
                    .containsSubsequence("no pg_hba.conf entry", "certificate verify failed");
            // The server checks client certificates against its CRL file, which has every CA's CRL.
            assertThat(TlsPsql.who(cluster, "host=localhost user=cert_user sslmode=require sslcert="
                    + certs.clientCert(ClientKeyFormat.SEC1_EC) + " sslkey=" + certs.clientKey(ClientKeyFormat.SEC1_EC)))
                    .isEqualTo("t|cert_user");
            assertThat(TlsPsql.who(cluster, "host=localhost user=cert_user sslmode=require sslcert="
                    + certs.clientCert(ClientKeyFormat.PKCS8) + " sslkey=" + certs.clientKey(ClientKeyFormat.PKCS8)))
                    .isEqualTo("t|cert_user");
        }
    }
}
