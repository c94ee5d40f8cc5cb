package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Clusters of their own: explicit ports, restart, stop, settings that differ from the defaults. */
class PgClusterLifecycleTest {

    @Test
    void explicitPortIsUsedAndStopDeletesTheDirectory() {
        int port = SilentServer.freePort();
        PgCluster cluster = PgCluster.start(PgCluster.Settings.builder().port(port).build());
        Path directory = cluster.directory();
        try {
            assertThat(cluster.port()).isEqualTo(port);
            assertThat(cluster.psql("show port")).isEqualTo(Integer.toString(port));
            assertThat(directory).isDirectory();
            assertThat(directory.getFileName().toString()).startsWith("ysql-pg-");
            assertThat(cluster.isRunning()).isTrue();
        } finally {
            cluster.stop();
        }
        assertThat(directory).doesNotExist();
        assertThat(cluster.isRunning()).isFalse();
        cluster.stop();
        assertThatThrownBy(() -> cluster.psql("select 1")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(cluster::restart).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void restartDropsSessionsAndComesBack() {
        try (PgCluster cluster = PgCluster.start()) {
            String before = cluster.psql("select pg_postmaster_start_time()");
            cluster.restart();
            assertThat(cluster.psql("select 1")).isEqualTo("1");
            assertThat(cluster.psql("select pg_postmaster_start_time()")).isNotEqualTo(before);
            assertThat(TcpPsql.run(cluster, cluster.conninfo(AuthRole.MD5), "select 1").stdout().strip())
                    .isEqualTo("1");
        }
    }

    @Test
    void settingsShapeTheCluster() {
        PgCluster.Settings settings = PgCluster.Settings.builder()
                .superuser("admin").superuserPassword("s3cret it's").database("postgres")
                .passwordEncryption("md5").createAuthRoles(false)
                .addConfLine("work_mem = '7MB'")
                .addHbaLine("host all nobody 127.0.0.1/32 reject")
                .build();
        try (PgCluster cluster = PgCluster.start(settings)) {
            assertThat(cluster.psql("select current_user, current_database()")).isEqualTo("admin|postgres");
            assertThat(cluster.psql("show work_mem")).isEqualTo("7MB");
            assertThat(cluster.psql("show password_encryption")).isEqualTo("md5");
            assertThat(cluster.authRoles()).isEmpty();
            assertThat(cluster.gssRole()).isEmpty();
            assertThat(cluster.psql("select count(*) from pg_roles where rolname like '%\\_user'")).isEqualTo("0");
            assertThat(cluster.psql("select auth_method from pg_hba_file_rules where 'nobody' = any(user_name)"))
                    .isEqualTo("reject");
            CommandRunner.Result login = TcpPsql.run(cluster, cluster.conninfo("admin", "s3cret it's"), "select 1");
            assertThat(login.stdout().strip()).isEqualTo("1");
        }
    }

    @Test
    void takenExplicitPortFailsWithTheServerLogAndLeavesNothing() throws IOException {
        Set<Path> before = ownDirectories();
        try (SilentServer taken = SilentServer.start()) {
            PgCluster.Settings settings = PgCluster.Settings.builder().port(taken.port())
                    .listenAddresses(List.of("127.0.0.1")).build();
            assertThatThrownBy(() -> PgCluster.start(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pg_ctl start failed")
                    .hasMessageContaining("already in use");
        }
        assertThat(ownDirectories()).isSubsetOf(before);
    }

    @Test
    void portTakenOnOneOfTheListenAddressesIsAFailureToo() throws IOException {
        Set<Path> before = ownDirectories();
        try (SilentServer taken = SilentServer.start()) {
            // The default listen addresses include ::1 where it exists, which is still free.
            PgCluster.Settings settings = PgCluster.Settings.builder().port(taken.port()).build();
            assertThatThrownBy(() -> PgCluster.start(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Loopback.hasIpv6()
                            ? "could not bind every listen address" : "pg_ctl start failed")
                    .hasMessageContaining("already in use");
        }
        assertThat(ownDirectories()).isSubsetOf(before);
    }

    /** The cluster directories this JVM owns now. */
    private static Set<Path> ownDirectories() throws IOException {
        Set<Path> own = new HashSet<>();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "ysql-pg-*")) {
            for (Path dir : dirs) {
                if (StaleClusters.readPid(dir.resolve("owner.pid")).orElse(-1) == ProcessHandle.current().pid()) {
                    own.add(dir);
                }
            }
        }
        return own;
    }
}
