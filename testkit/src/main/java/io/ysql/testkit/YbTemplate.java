package io.ysql.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * The data directory every node of a {@link FakeYugabyteCluster} is copied from: initdb once,
 * the shared configuration, then one start on the unix socket only (no TCP port) to set the
 * superuser's password, install the YugabyteDB-like functions into {@code template1} and
 * {@code postgres}, and create database {@code yugabyte}; then a clean stop. The template for the
 * default settings is made once per JVM ({@link #shared()}) and reused by every cluster, which
 * saves the initdb (the slow part of a start); other settings get a template of their own.
 */
record YbTemplate(Path directory, ServersFunction installed, ClusterTeardown teardown) {
    /** The port of the set-up start; it only names the unix socket file, in the template's own directory. */
    private static final int SETUP_PORT = 5433;

    /** The data directory to copy. */
    Path data() { return directory.resolve(ClusterLauncher.DATA); }

    /** Whether a cluster with {@code settings} can be copied from this template. */
    static boolean fitsShared(YbClusterSettings settings) {
        return settings.extraConf().isEmpty() && settings.versionText().equals(YbClusterSettings.DEFAULT_VERSION);
    }

    /** The template of the default settings, made on first use; a failure is thrown again on every call. */
    static YbTemplate shared() {
        if (Holder.TEMPLATE_OR_FAILURE instanceof YbTemplate template) return template;
        RuntimeException failure = (RuntimeException) Holder.TEMPLATE_OR_FAILURE;
        throw new IllegalStateException("the fake YugabyteDB template could not be made: " + failure.getMessage(),
                failure);
    }

    private static final class Holder {
        static final Object TEMPLATE_OR_FAILURE = attempt();

        private static Object attempt() {
            try {
                return prepare(PgBinaries.locate(), ServersFunction.COLUMNS_10, YbClusterSettings.DEFAULT_VERSION,
                        List.of());
            } catch (RuntimeException e) {
                return e;
            }
        }
    }

    /** Makes a template in a directory of its own, deleted at the latest when the JVM exits. */
    static YbTemplate prepare(PgBinaries binaries, ServersFunction function, String versionText,
                              List<String> extraConf) {
        Path directory = YbNodeProcess.createDirectory();
        ClusterTeardown teardown = ClusterTeardown.register(binaries, directory);
        try {
            CommandRunner runner = CommandRunner.forServer(directory);
            Path data = directory.resolve(ClusterLauncher.DATA);
            YbNodeProcess.initdb(binaries, runner, data, YbClusterSettings.USER);
            YbNodeProcess.writeSharedConf(data, extraConf);
            int port = SETUP_PORT;
            YbNodeProcess.writeNodeConf(data, "", port, directory, directory.resolve("none.json"),
                    Placement.usWest(0));
            YbNodeProcess.start(binaries, runner, data, directory.resolve(ClusterLauncher.LOG));
            try {
                Psql psql = new Psql(binaries, runner, directory, port, YbClusterSettings.USER);
                String install = YbCatalogScript.install(function, versionText);
                psql.run("template1", install, false);
                psql.run("postgres", install + "SET password_encryption = 'scram-sha-256';\n"
                        + "ALTER ROLE " + Quoting.sqlIdentifier(YbClusterSettings.USER) + " PASSWORD "
                        + Quoting.sqlLiteral(YbClusterSettings.PASSWORD) + ";\n"
                        + "CREATE DATABASE " + Quoting.sqlIdentifier(YbClusterSettings.DATABASE)
                        + " STRATEGY FILE_COPY;\n", true);
            } finally {
                YbNodeProcess.stop(binaries, runner, data, "fast");
            }
            return new YbTemplate(directory, function, teardown);
        } catch (RuntimeException e) {
            throw teardown.afterFailure(e);
        }
    }
}
