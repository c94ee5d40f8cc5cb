package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs the cluster's psql as a libpq client over TCP with TLS options, with HOME pointing at a
 * given directory (by default an empty one, so that no {@code ~/.postgresql} file of the machine
 * takes part) and no {@code PG*} variable; never prompts for a password.
 */
final class TlsPsql {
    /** Tells whether the session is encrypted, and as whom it runs: {@code t|cert_user}. */
    static final String WHO = "select ssl, current_user from pg_stat_ssl where pid = pg_backend_pid()";
    private static final Path EMPTY_HOME = emptyHome();

    private TlsPsql() {}

    static CommandRunner.Result run(PgCluster cluster, String options, String sql) {
        return run(cluster, EMPTY_HOME, options, sql);
    }

    /** Runs {@code sql} with {@code options} added to the cluster's port and database. */
    static CommandRunner.Result run(PgCluster cluster, Path home, String options, String sql) {
        String conninfo = "port=" + cluster.port() + " dbname=" + cluster.database() + " connect_timeout=10 " + options;
        return CommandRunner.asCurrentUser(home).run(List.of("env", "HOME=" + home,
                cluster.binDirectory().resolve("psql").toString(), "-X", "-w", "-q", "-A", "-t",
                "-d", conninfo, "-c", sql), null, Duration.ofMinutes(1));
    }

    /** {@link #WHO} for a login that must succeed; fails with psql's stderr otherwise. */
    static String who(PgCluster cluster, Path home, String options) {
        CommandRunner.Result result = run(cluster, home, options, WHO);
        if (!result.ok()) throw new AssertionError("psql failed with [" + options + "]: " + result.stderr().strip());
        return result.stdout().strip();
    }

    static String who(PgCluster cluster, String options) {
        return who(cluster, EMPTY_HOME, options);
    }

    private static Path emptyHome() {
        try {
            Path home = Files.createTempDirectory("ysql-empty-home-");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
