package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PgClusterTest {
    private final PgCluster cluster = PgCluster.shared();

    @Test
    void psqlRunsSqlAsTheSuperuser() {
        assertThat(cluster.psql("select 1")).isEqualTo("1");
        assertThat(cluster.psql("select current_user, current_database()")).isEqualTo("yugabyte|yugabyte");
        assertThat(cluster.psql("select rolsuper from pg_roles where rolname = current_user")).isEqualTo("t");
    }

    @Test
    void psqlFailureCarriesTheServerMessage() {
        assertThatThrownBy(() -> cluster.psql("select * from no_such_table"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such_table");
    }

    @Test
    void sharedIsOneClusterPerJvm() {
        assertThat(PgCluster.shared()).isSameAs(cluster);
        assertThat(cluster.isRunning()).isTrue();
    }

    @Test
    void closingTheSharedClusterKeepsItRunning() {
        try (PgCluster shared = PgCluster.shared()) {
            assertThat(shared.psql("select 2")).isEqualTo("2");
        }
        assertThat(cluster.psql("select 3")).isEqualTo("3");
    }

    @Test
    void reportsItsVersionAndAddresses() {
        int versionNum = Integer.parseInt(cluster.psql("show server_version_num"));
        assertThat(cluster.majorVersion()).isEqualTo(versionNum / 10_000).isGreaterThanOrEqualTo(10);
        assertThat(cluster.psql("show port")).isEqualTo(Integer.toString(cluster.port()));
        assertThat(cluster.host()).isEqualTo("127.0.0.1");
        assertThat(cluster.jdbcUrl()).isEqualTo("jdbc:ysql://127.0.0.1:" + cluster.port() + "/yugabyte");
        assertThat(cluster.conninfo("u", "p w")).isEqualTo(
                "host=127.0.0.1 port=" + cluster.port() + " dbname=yugabyte user=u password='p w'");
        assertThat(cluster.dataDirectory()).isDirectory().hasParent(cluster.directory());
        assertThat(cluster.logFile()).isRegularFile();
    }

    @Test
    void pgHbaHasNoRejectedLines() {
        assertThat(cluster.psql(SetupScript.HBA_ERRORS)).isEqualTo("0");
    }

    @ParameterizedTest
    @EnumSource(value = AuthRole.class, names = {"TRUST", "PASSWORD", "MD5", "SCRAM"})
    void eachAuthRoleLogsInOverTcp(AuthRole role) {
        CommandRunner.Result result = TcpPsql.run(cluster, cluster.conninfo(role), "select current_user");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout().strip()).isEqualTo(role.user());
        assertThat(result.exitCode()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = AuthRole.class, names = {"PASSWORD", "MD5", "SCRAM"})
    void wrongPasswordIsRejected(AuthRole role) {
        CommandRunner.Result result = TcpPsql.run(cluster, role, "not_the_password", "select 1");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("password authentication failed for user \"" + role.user() + "\"");
    }

    @Test
    void trustRoleNeedsNoPassword() {
        CommandRunner.Result result = TcpPsql.run(cluster, cluster.conninfo(AuthRole.TRUST.user(), null), "select 1");
        assertThat(result.stdout().strip()).isEqualTo("1");
    }

    @Test
    void superuserLogsInWithScramOverTcp() {
        CommandRunner.Result ok = TcpPsql.run(cluster,
                cluster.conninfo(cluster.superuser(), cluster.superuserPassword()), "select 1");
        assertThat(ok.stdout().strip()).isEqualTo("1");
        CommandRunner.Result wrong = TcpPsql.run(cluster, cluster.conninfo(cluster.superuser(), "nope"), "select 1");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).contains("password authentication failed");
        assertThat(cluster.psql(
                "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = current_user"))
                .isEqualTo("t");
    }

    @Test
    void storedPasswordFormsMatchTheMethods() {
        assertThat(storedPassword(AuthRole.MD5)).startsWith("md5");
        assertThat(storedPassword(AuthRole.SCRAM)).startsWith("SCRAM-SHA-256$");
        assertThat(storedPassword(AuthRole.PASSWORD)).startsWith("SCRAM-SHA-256$");
    }

    @Test
    void authRolesMayConnectAndCreateButOwnNothing() {
        for (AuthRole role : cluster.authRoles()) {
            assertThat(cluster.psql("select has_database_privilege('" + role.user() + "', current_database(), "
                    + "'CONNECT, CREATE')")).as(role.user()).isEqualTo("t");
            assertThat(cluster.psql("select rolsuper or rolcreatedb or rolcreaterole from pg_roles where rolname = '"
                    + role.user() + "'")).as(role.user()).isEqualTo("f");
        }
        assertThat(cluster.authRoles()).contains(AuthRole.TRUST, AuthRole.PASSWORD, AuthRole.MD5, AuthRole.SCRAM);
    }

    @Test
    void gssRoleMakesTheServerAskForGssapi() {
        if (cluster.gssRole().isEmpty()) {
            // Only a server built without GSSAPI may lack the role.
            String configure = CommandRunner.asCurrentUser(cluster.directory()).run(List.of(
                    cluster.binDirectory().resolve("pg_config").toString(), "--configure"), null,
                    Duration.ofSeconds(30)).stdout();
            assertThat(configure).doesNotContain("--with-gssapi");
            return;
        }
        CommandRunner.Result result = TcpPsql.run(cluster, cluster.conninfo(AuthRole.GSS), "select 1");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("GSSAPI").doesNotContain("pg_hba.conf");
    }

    @Test
    void terminateBackendsEndsTheUsersSessions() throws IOException, InterruptedException {
        Process sleeper = new ProcessBuilder(cluster.binDirectory().resolve("psql").toString(), "-X", "-w",
                "-d", cluster.conninfo(AuthRole.SCRAM) + " sslmode=disable", "-c", "select pg_sleep(120)")
                .redirectErrorStream(true).start();
        try {
            String activeSessions = "select count(*) from pg_stat_activity where usename = 'scram_user'";
            for (int i = 0; i < 600 && cluster.psql(activeSessions).equals("0"); i++) Thread.sleep(50);
            assertThat(cluster.terminateBackends(AuthRole.SCRAM.user())).isEqualTo(1);
            assertThat(sleeper.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(sleeper.exitValue()).isNotZero();
            assertThat(new String(sleeper.getInputStream().readAllBytes())).contains("terminat");
        } finally {
            sleeper.destroyForcibly();
        }
    }

    private String storedPassword(AuthRole role) {
        return cluster.psql("select rolpassword from pg_authid where rolname = '" + role.user() + "'");
    }
}
