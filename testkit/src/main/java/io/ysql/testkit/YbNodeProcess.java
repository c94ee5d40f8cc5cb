package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The server programs behind a {@link FakeYugabyteCluster}: the temporary directories (named and
 * owned like {@link PgCluster}'s, so a killed JVM's leftovers are swept the same way), initdb of
 * the one template data directory, copying it per node, the shared postgresql.conf and
 * pg_hba.conf, each node's own {@code node.conf} (address, port, socket directory, placement),
 * and {@code pg_ctl} start and stop. Commands run as {@code postgres} when the JVM is root.
 */
final class YbNodeProcess {
    static final String NODE_CONF = "node.conf";
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(60);

    private YbNodeProcess() {}

    /** A fresh {@code ysql-pg-*} directory with its owner file, owned by the server's OS user. */
    static Path createDirectory() {
        return ClusterLauncher.createDirectory(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** initdb into {@code data} with {@code superuser}, trust everywhere until the hba file is written. */
    static void initdb(PgBinaries binaries, CommandRunner runner, Path data, String superuser) {
        CommandRunner.Result result = runInitdb(binaries, runner, data, superuser, "--locale=C.UTF-8");
        if (!result.ok() && result.stderr().toLowerCase(Locale.ROOT).contains("locale")) {
            ClusterTeardown.deleteRecursively(data);
            result = runInitdb(binaries, runner, data, superuser, "--no-locale");
        }
        if (!result.ok()) {
            throw new IllegalStateException("initdb failed (exit " + result.exitCode() + "): " + result.stderr().strip());
        }
    }

    private static CommandRunner.Result runInitdb(PgBinaries binaries, CommandRunner runner, Path data,
                                                  String superuser, String locale) {
        return runner.run(List.of(binaries.tool("initdb").toString(), "-N", "-A", "trust", "-E", "UTF8", locale,
                "-U", superuser, "-D", data.toString()), null, INITDB_TIMEOUT);
    }

    /** Settings shared by every node, then the include of the node's own file, which wins. */
    static void writeSharedConf(Path data, List<String> extraConf) {
        List<String> lines = new ArrayList<>(List.of("", "# added by io.ysql.testkit (fake YugabyteDB node)",
                "fsync = off", "synchronous_commit = off", "full_page_writes = off",
                "max_connections = 200", "shared_buffers = 16MB", "password_encryption = 'scram-sha-256'",
                "log_min_messages = warning", "logging_collector = off",
                "search_path = " + Quoting.confValue(YbCatalogScript.SEARCH_PATH)));
        lines.addAll(extraConf);
        lines.add("include_if_exists '" + NODE_CONF + "'");
        ClusterLauncher.append(data.resolve("postgresql.conf"), String.join("\n", lines) + "\n");
        write(data.resolve("pg_hba.conf"), String.join("\n", List.of(
                "# written by io.ysql.testkit (fake YugabyteDB node)",
                "local all all trust",
                "local replication all trust",
                "host all all 127.0.0.0/8 scram-sha-256",
                "host replication all 127.0.0.0/8 scram-sha-256")) + "\n");
    }

    /** The node's own settings: where it listens, its socket directory, its placement, the topology file. */
    static void writeNodeConf(Path data, String host, int port, Path socketDirectory, Path topologyFile,
                              Placement placement) {
        write(data.resolve(NODE_CONF), String.join("\n", List.of(
                "listen_addresses = " + Quoting.confValue(host),
                "port = " + port,
                "unix_socket_directories = " + Quoting.confValue(socketDirectory.toString()),
                "yb_sim.topology_file = " + Quoting.confValue(topologyFile.toString()),
                "yb_sim.cloud = " + Quoting.confValue(placement.cloud()),
                "yb_sim.region = " + Quoting.confValue(placement.region()),
                "yb_sim.zone = " + Quoting.confValue(placement.zone()))) + "\n");
    }

    /** {@code cp -a from to}, as the server's OS user so that ownership and modes stay right. */
    static void copy(CommandRunner runner, Path from, Path to) {
        CommandRunner.Result result = runner.run(List.of("cp", "-a", from.toString(), to.toString()), null,
                PG_CTL_TIMEOUT);
        if (!result.ok()) {
            throw new IllegalStateException("cannot copy " + from + " to " + to + ": " + result.stderr().strip());
        }
    }

    /** {@code pg_ctl start -w}; throws with the log's tail when the server does not come up. */
    static void start(PgBinaries binaries, CommandRunner runner, Path data, Path log) {
        long offset = ClusterLauncher.size(log);
        CommandRunner.Result result = runner.run(List.of(binaries.tool("pg_ctl").toString(), "start", "-w",
                "-t", "30", "-D", data.toString(), "-l", log.toString()), null, PG_CTL_TIMEOUT);
        String since = ServerLog.since(log, offset);
        if (!result.ok() || since.contains("could not bind")) {
            if (result.ok()) stop(binaries, runner, data, "immediate");
            throw new IllegalStateException("pg_ctl start failed for " + data + " (exit " + result.exitCode() + "): "
                    + result.stderr().strip() + "\n--- server log (tail) ---\n" + ServerLog.tail(log));
        }
    }

    /** {@code pg_ctl stop -w -m mode}; does nothing when the server is not running. */
    static void stop(PgBinaries binaries, CommandRunner runner, Path data, String mode) {
        if (!Files.exists(data.resolve("postmaster.pid"))) return;
        CommandRunner.Result result = runner.run(List.of(binaries.tool("pg_ctl").toString(), "stop", "-w",
                "-t", "30", "-m", mode, "-D", data.toString()), null, PG_CTL_TIMEOUT);
        if (!result.ok() && Files.exists(data.resolve("postmaster.pid"))) {
            throw new IllegalStateException("pg_ctl stop -m " + mode + " failed for " + data + ": "
                    + result.stderr().strip());
        }
    }

    /** Sends a signal ({@code STOP}, {@code CONT}) to the postmaster of {@code data}. */
    static void signal(CommandRunner runner, Path data, String signal) {
        long pid = StaleClusters.readPid(data.resolve("postmaster.pid")).orElseThrow(
                () -> new IllegalStateException("no running server in " + data));
        CommandRunner.Result result = runner.run(List.of("kill", "-" + signal, Long.toString(pid)), null,
                PG_CTL_TIMEOUT);
        if (!result.ok()) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + result.stderr().strip());
        }
    }

    /** pg_basebackup of a running node into {@code data}, as a hot standby that follows it. */
    static void baseBackup(PgBinaries binaries, CommandRunner runner, Path primarySocket, int primaryPort,
                           String superuser, Path data) {
        CommandRunner.Result result = runner.run(List.of(binaries.tool("pg_basebackup").toString(),
                "-D", data.toString(), "-R", "-X", "stream", "-c", "fast", "-h", primarySocket.toString(),
                "-p", Integer.toString(primaryPort), "-U", superuser), null, INITDB_TIMEOUT);
        if (!result.ok()) {
            throw new IllegalStateException("pg_basebackup failed (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
