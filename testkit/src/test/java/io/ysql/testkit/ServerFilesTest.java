package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerFilesTest {
    private final PgCluster.Settings settings = PgCluster.Settings.builder()
            .listenAddresses(List.of("127.0.0.1", "::1"))
            .addHbaLine("hostssl all cert_user 127.0.0.1/32 cert")
            .addConfLine("fsync = on")
            .build();

    @Test
    void hbaOrdersSocketExtraRolesThenCatchAll() {
        List<String> lines = ServerFiles.hba(settings, EnumSet.of(AuthRole.MD5, AuthRole.SCRAM), true).lines()
                .filter(line -> !line.startsWith("#")).toList();
        assertThat(lines).containsExactly(
                "local all all trust",
                "hostssl all cert_user 127.0.0.1/32 cert",
                "host all md5_user 127.0.0.1/32 md5",
                "host all md5_user ::1/128 md5",
                "host all scram_user 127.0.0.1/32 scram-sha-256",
                "host all scram_user ::1/128 scram-sha-256",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256");
    }

    @Test
    void hbaWithoutIpv6HasNoIpv6Lines() {
        String hba = ServerFiles.hba(settings, EnumSet.allOf(AuthRole.class), false);
        assertThat(hba).doesNotContain("::1").contains("host all gss_user 127.0.0.1/32 gss");
    }

    @Test
    void hbaModeRewritesTheGeneratedLinesAndTlsRolesGetHostssl() {
        PgCluster.Settings tls = PgCluster.Settings.builder().ssl(ServerCertKind.SERVER).hbaMode(HbaMode.NOSSL_ONLY)
                .build();
        List<String> lines = ServerFiles.hba(tls, EnumSet.of(AuthRole.MD5), false).lines()
                .filter(line -> !line.startsWith("#")).toList();
        assertThat(lines).containsExactly(
                "local all all trust",
                "hostssl all cert_user 127.0.0.1/32 cert",
                "hostssl all cert_scram_user 127.0.0.1/32 scram-sha-256 clientcert=verify-full",
                "hostnossl all md5_user 127.0.0.1/32 md5",
                "hostnossl all all 127.0.0.1/32 scram-sha-256");
        String sslOnly = ServerFiles.hba(tls.toBuilder().hbaMode(HbaMode.SSL_ONLY).build(), EnumSet.of(AuthRole.MD5), true);
        assertThat(sslOnly).contains("hostssl all md5_user ::1/128 md5", "hostssl all all ::1/128 scram-sha-256")
                .doesNotContain("\nhost ").doesNotContain("hostnossl");
    }

    @Test
    void tlsConfNamesTheCopiedFiles() {
        PgCluster.Settings tls = settings.toBuilder().ssl(ServerCertKind.NOT_YET_VALID).sslCrl(true).build();
        List<String> lines = ServerFiles.confAdditions(tls, 5433, Path.of("/tmp/ysql-pg-1")).lines().toList();
        assertThat(lines).containsSubsequence("ssl = on", "ssl_cert_file = 'server-not-yet-valid.crt'",
                "ssl_key_file = 'server-not-yet-valid.key'", "ssl_ca_file = 'root.crt'", "ssl_crl_file = 'root.crl'",
                "fsync = on");
        assertThat(ServerFiles.confAdditions(settings, 5433, Path.of("/tmp/ysql-pg-1"))).doesNotContain("ssl");
    }

    @Test
    void setupScriptCreatesTheTlsRoles() {
        PgCluster.Settings tls = settings.toBuilder().ssl(ServerCertKind.SERVER).build();
        String sql = SetupScript.sql(tls, EnumSet.of(AuthRole.MD5), 15);
        assertThat(sql).contains("CREATE ROLE \"cert_user\" LOGIN;\n")
                .contains("SET password_encryption = 'scram-sha-256';\nCREATE ROLE \"cert_user\"")
                .contains("CREATE ROLE \"cert_scram_user\" LOGIN PASSWORD 'cert_scram_user_pw'")
                .contains("TO \"md5_user\", \"cert_user\", \"cert_scram_user\"");
        assertThat(SetupScript.sql(settings, EnumSet.of(AuthRole.MD5), 15)).doesNotContain("cert_");
    }

    @Test
    void confPutsExtraLinesLast() {
        List<String> lines = ServerFiles.confAdditions(settings, 5433, Path.of("/tmp/ysql-pg-1")).lines().toList();
        assertThat(lines).contains("listen_addresses = '127.0.0.1,::1'", "port = 5433",
                "unix_socket_directories = '/tmp/ysql-pg-1'", "fsync = off", "max_connections = 200",
                "password_encryption = 'scram-sha-256'", "logging_collector = off");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("fsync = on");
    }

    @Test
    void setupScriptStoresEachRoleUnderItsEncryption() {
        String sql = SetupScript.sql(settings, EnumSet.of(AuthRole.MD5, AuthRole.SCRAM), 15);
        assertThat(sql)
                .contains("SET password_encryption = 'md5';\nCREATE ROLE \"md5_user\" LOGIN PASSWORD 'md5_user_pw'")
                .contains("SET password_encryption = 'scram-sha-256';\nCREATE ROLE \"scram_user\"")
                .contains("CREATE DATABASE \"yugabyte\" OWNER \"yugabyte\" STRATEGY FILE_COPY")
                .contains("GRANT CONNECT, CREATE ON DATABASE \"yugabyte\" TO \"md5_user\", \"scram_user\"");
        assertThat(SetupScript.sql(settings, EnumSet.noneOf(AuthRole.class), 14))
                .doesNotContain("STRATEGY").doesNotContain("GRANT").doesNotContain("CREATE ROLE");
    }

    @Test
    void setupOutcomeReadsTheLastThreeLines() {
        SetupScript.Outcome outcome = SetupScript.Outcome.parse("15.18 (Debian)\n150018\n0\n");
        assertThat(outcome).isEqualTo(new SetupScript.Outcome("15.18 (Debian)", 15, 0));
    }
}
