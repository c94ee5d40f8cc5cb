package io.ysql.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The system {@code psql} pointed at one cluster's unix socket as its superuser, for
 * administration: unaligned, tuples only, quiet, {@code ON_ERROR_STOP}, no psqlrc; the SQL goes
 * in on stdin. Terse mode drops the statement text from error reports, for SQL that holds
 * passwords.
 */
record Psql(PgBinaries binaries, CommandRunner runner, Path socketDirectory, int port, String superuser) {
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** Runs {@code sql} in {@code database} and returns stdout, stripped; throws with stderr on failure. */
    String run(String database, String sql, boolean terse) {
        List<String> command = new ArrayList<>(List.of(binaries.tool("psql").toString(),
                "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"));
        if (terse) command.addAll(List.of("-v", "VERBOSITY=terse"));
        command.addAll(List.of("-d", "host=" + Quoting.conninfoValue(socketDirectory.toString())
                + " port=" + port
                + " user=" + Quoting.conninfoValue(superuser)
                + " dbname=" + Quoting.conninfoValue(database), "-f", "-"));
        CommandRunner.Result result = runner.run(command, sql, TIMEOUT);
        if (!result.ok()) {
            throw new IllegalStateException("psql failed (exit " + result.exitCode() + "): " + result.stderr().strip());
        }
        return result.stdout().strip();
    }
}
