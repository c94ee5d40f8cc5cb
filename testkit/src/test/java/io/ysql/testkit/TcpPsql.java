package io.ysql.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs the cluster's own psql as a libpq client over TCP, never prompting for a password. */
final class TcpPsql {
    private TcpPsql() {}

    static CommandRunner.Result run(PgCluster cluster, String conninfo, String sql) {
        return CommandRunner.asCurrentUser(Path.of(System.getProperty("java.io.tmpdir"))).run(List.of(
                cluster.binDirectory().resolve("psql").toString(), "-X", "-w", "-q", "-A", "-t",
                "-d", conninfo + " sslmode=disable connect_timeout=10", "-c", sql), null, Duration.ofMinutes(1));
    }

    static CommandRunner.Result run(PgCluster cluster, AuthRole role, String password, String sql) {
        return run(cluster, cluster.conninfo(role.user(), password), sql);
    }
}
