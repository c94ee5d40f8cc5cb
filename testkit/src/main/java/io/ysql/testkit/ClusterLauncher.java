package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The start-up sequence of a {@link PgCluster}: sweep stale directories, make a fresh temporary
 * directory (owned by {@code postgres} when the JVM is root), initdb, install the TLS files when
 * asked for, write postgresql.conf and pg_hba.conf, {@code pg_ctl start}, then one psql script for roles and database. A start on an
 * automatically chosen port that another process took meanwhile is retried on another port; a
 * server build that rejects the {@code gss} pg_hba line is started without it.
 */
final class ClusterLauncher {
    static final String PREFIX = "ysql-pg-";
    static final String DATA = "data";
    static final String LOG = "server.log";
    static final String OWNER = "owner.pid";
    private static final System.Logger LOGGER = System.getLogger("io.ysql.testkit");
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 5;

    private final PgCluster.Settings settings;
    private final PgBinaries binaries;
    private final Path directory;
    private final CommandRunner runner;
    private final boolean ipv6 = Loopback.hasIpv6();

    private ClusterLauncher(PgCluster.Settings settings, PgBinaries binaries, Path directory) {
        this.settings = settings;
        this.binaries = binaries;
        this.directory = directory;
        this.runner = CommandRunner.forServer(directory);
    }

    static PgCluster launch(PgCluster.Settings settings, boolean shared) {
        PgBinaries binaries = PgBinaries.forVersion(settings.version());
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        StaleClusters.sweep(tmp, binaries);
        Path directory = createDirectory(tmp);
        ClusterTeardown teardown = ClusterTeardown.register(binaries, directory);
        try {
            return new ClusterLauncher(settings, binaries, directory).run(teardown, shared);
        } catch (RuntimeException e) {
            throw teardown.afterFailure(e);
        }
    }

    private PgCluster run(ClusterTeardown teardown, boolean shared) {
        long t0 = System.nanoTime();
        initdb();
        long t1 = System.nanoTime();
        Set<AuthRole> roles = settings.createAuthRoles()
                ? EnumSet.allOf(AuthRole.class) : EnumSet.noneOf(AuthRole.class);
        int port = settings.port() != 0 ? settings.port() : Loopback.freePort();
        if (settings.ssl()) ServerTls.install(dataDirectory(), settings);
        append(dataDirectory().resolve("postgresql.conf"), ServerFiles.confAdditions(settings, port, directory));
        writeHba(roles);
        int boundPort = startServer(port, roles);
        long t2 = System.nanoTime();
        Psql psql = new Psql(binaries, runner, directory, boundPort, settings.superuser());
        String setup = SetupScript.sql(settings, roles, initdbMajorVersion());
        SetupScript.Outcome outcome = SetupScript.Outcome.parse(psql.run("postgres", setup, true));
        if (outcome.hbaErrors() > 0) dropGss(psql, roles);
        long t3 = System.nanoTime();
        PgCluster.StartupTimes times = new PgCluster.StartupTimes(
                Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2));
        LOGGER.log(Level.INFO, () -> "PostgreSQL " + outcome.serverVersion() + " started on port " + boundPort
                + " in " + directory + " in " + times.total().toMillis() + " ms (initdb " + times.initdb().toMillis()
                + " ms, start " + times.start().toMillis() + " ms, set-up " + times.setup().toMillis() + " ms)");
        return new PgCluster(settings, boundPort, binaries, directory, psql, outcome.serverVersion(),
                outcome.majorVersion(), roles, times, teardown, shared);
    }

    /** The major version initdb wrote into PG_VERSION; 0 when unreadable. */
    private int initdbMajorVersion() {
        try {
            return Integer.parseInt(Files.readString(dataDirectory().resolve("PG_VERSION")).strip().split("\\.")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private Path dataDirectory() { return directory.resolve(DATA); }
    private Path logFile() { return directory.resolve(LOG); }

    /** A fresh {@code ysql-pg-*} directory in {@code tmp} with its owner file, owned by the server's OS user. */
    static Path createDirectory(Path tmp) {
        try {
            Path directory = Files.createTempDirectory(tmp, PREFIX);
            Files.writeString(directory.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            if (CommandRunner.jvmIsRoot()) {
                try {
                    Files.setOwner(directory, FileSystems.getDefault().getUserPrincipalLookupService()
                            .lookupPrincipalByName(CommandRunner.SERVER_OS_USER));
                } catch (UserPrincipalNotFoundException e) {
                    ClusterTeardown.deleteRecursively(directory);
                    throw new IllegalStateException("The JVM runs as root, so the servers must run as the OS user '"
                            + CommandRunner.SERVER_OS_USER + "', which does not exist. Install PostgreSQL "
                            + "(`apt-get install -y postgresql` creates it) or run the JVM as another user.", e);
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a cluster directory in " + tmp, e);
        }
    }

    private void initdb() {
        CommandRunner.Result result = runInitdb("--locale=C.UTF-8");
        if (!result.ok() && result.stderr().toLowerCase(Locale.ROOT).contains("locale")) {
            ClusterTeardown.deleteRecursively(dataDirectory());
            result = runInitdb("--no-locale");
        }
        if (!result.ok()) {
            throw new IllegalStateException("initdb failed (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
    }

    private CommandRunner.Result runInitdb(String locale) {
        return runner.run(List.of(binaries.tool("initdb").toString(), "-N", "-A", "trust", "-E", "UTF8", locale,
                "-U", settings.superuser(), "-D", dataDirectory().toString()), null, INITDB_TIMEOUT);
    }

    private void writeHba(Set<AuthRole> roles) {
        try {
            Files.writeString(dataDirectory().resolve("pg_hba.conf"), ServerFiles.hba(settings, roles, ipv6),
                    StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf", e);
        }
    }

    /**
     * Starts the server; returns the port it listens on. May change {@code roles} and the port. The
     * postmaster comes up when at least one listen address binds, so a warning that another did not
     * counts as a failure too: a client of that address would reach whatever holds the port there.
     */
    private int startServer(int port, Set<AuthRole> roles) {
        for (int attempt = 1; ; attempt++) {
            long logOffset = size(logFile());
            CommandRunner.Result result = runner.run(List.of(binaries.tool("pg_ctl").toString(), "start", "-w",
                    "-t", "30", "-D", dataDirectory().toString(), "-l", logFile().toString()), null, PG_CTL_TIMEOUT);
            String log = ServerLog.since(logFile(), logOffset);
            boolean unbound = log.contains("could not bind") || log.contains("already in use");
            if (result.ok() && !unbound) return port;
            if (result.ok()) ClusterTeardown.stopServer(dataDirectory(), binaries, runner);
            if (!result.ok() && log.contains("pg_hba.conf") && roles.remove(AuthRole.GSS)) {
                LOGGER.log(Level.DEBUG, "this server build rejects a gss pg_hba line; starting without it");
                writeHba(roles);
            } else if (settings.port() == 0 && unbound && attempt < PORT_ATTEMPTS) {
                port = Loopback.freePort();
                append(dataDirectory().resolve("postgresql.conf"), ServerFiles.portOverride(port));
            } else {
                String why = result.ok() ? "the server could not bind every listen address on port " + port
                        : "pg_ctl start failed (exit " + result.exitCode() + "): " + result.stderr().strip();
                throw new IllegalStateException(why + "\n--- server log (tail) ---\n" + ServerLog.tail(logFile()));
            }
        }
    }

    /** The server loaded pg_hba.conf but flagged lines: drop the gss line, or fail when that was not it. */
    private void dropGss(Psql psql, Set<AuthRole> roles) {
        if (roles.remove(AuthRole.GSS)) {
            writeHba(roles);
            psql.run("postgres", "SELECT pg_reload_conf();\nDROP ROLE "
                    + Quoting.sqlIdentifier(AuthRole.GSS.user()) + ";", true);
            if (Integer.parseInt(psql.run("postgres", SetupScript.HBA_ERRORS, true)) == 0) return;
        }
        throw new IllegalStateException("the server rejects pg_hba.conf lines: "
                + psql.run("postgres", SetupScript.HBA_ERROR_DETAIL, true));
    }

    /** {@code pg_ctl restart -m fast} of the cluster in {@code directory}. */
    static void restart(PgBinaries binaries, CommandRunner runner, Path directory) {
        Path log = directory.resolve(LOG);
        CommandRunner.Result result = runner.run(List.of(binaries.tool("pg_ctl").toString(), "restart", "-w",
                "-t", "30", "-m", "fast", "-D", directory.resolve(DATA).toString(), "-l", log.toString()),
                null, PG_CTL_TIMEOUT);
        if (!result.ok()) {
            throw new IllegalStateException("pg_ctl restart failed (exit " + result.exitCode() + "): "
                    + result.stderr().strip() + "\n--- server log (tail) ---\n" + ServerLog.tail(log));
        }
    }

    /** Appends {@code text} to {@code file} (UTF-8). */
    static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The size of {@code file}; 0 when it does not exist (yet) or cannot be read. */
    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
