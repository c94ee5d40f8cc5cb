package io.ysql.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one psql script run right after a cluster starts, so that set-up costs one process and one
 * connection: the superuser's SCRAM password, the auth roles (each stored under the
 * {@code password_encryption} its method needs), the TLS roles (with SCRAM), the database and the
 * roles' grants on it, then three result lines: server version, version number, and the number
 * of pg_hba lines in error.
 */
final class SetupScript {
    static final Set<String> BUILT_IN_DATABASES = Set.of("postgres", "template0", "template1");
    /** Counts the lines of the loaded pg_hba.conf that the server rejected. */
    static final String HBA_ERRORS = "SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL";
    /** Lists the rejected pg_hba.conf lines with the server's reason. */
    static final String HBA_ERROR_DETAIL =
            "SELECT line_number || ': ' || error FROM pg_hba_file_rules WHERE error IS NOT NULL";

    private SetupScript() {}

    /** What the script's three result lines say. */
    record Outcome(String serverVersion, int majorVersion, int hbaErrors) {
        static Outcome parse(String stdout) {
            List<String> lines = stdout.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (lines.size() < 3) throw new IllegalStateException("unexpected set-up output: " + stdout);
            List<String> last = lines.subList(lines.size() - 3, lines.size());
            return new Outcome(last.get(0), Integer.parseInt(last.get(1)) / 10_000, Integer.parseInt(last.get(2)));
        }
    }

    /**
     * The script for a server of {@code majorVersion}; from 15 on the database is copied with
     * {@code STRATEGY FILE_COPY}, which is faster than WAL logging when fsync is off.
     */
    static String sql(PgCluster.Settings settings, Set<AuthRole> roles, int majorVersion) {
        List<String> statements = new ArrayList<>();
        statements.add("SET password_encryption = 'scram-sha-256'");
        statements.add("ALTER ROLE " + Quoting.sqlIdentifier(settings.superuser())
                + " PASSWORD " + Quoting.sqlLiteral(settings.superuserPassword()));
        for (AuthRole role : AuthRole.values()) {
            if (!roles.contains(role)) continue;
            statements.add("SET password_encryption = " + Quoting.sqlLiteral(role.passwordEncryption()));
            statements.add("CREATE ROLE " + Quoting.sqlIdentifier(role.user())
                    + " LOGIN PASSWORD " + Quoting.sqlLiteral(role.password()));
        }
        if (!settings.tlsRoles().isEmpty()) statements.add("SET password_encryption = 'scram-sha-256'");
        for (TlsRole role : settings.tlsRoles()) {
            statements.add("CREATE ROLE " + Quoting.sqlIdentifier(role.user()) + " LOGIN"
                    + (role.password() == null ? "" : " PASSWORD " + Quoting.sqlLiteral(role.password())));
        }
        statements.add("RESET password_encryption");
        String database = Quoting.sqlIdentifier(settings.database());
        if (!BUILT_IN_DATABASES.contains(settings.database())) {
            statements.add("CREATE DATABASE " + database + " OWNER " + Quoting.sqlIdentifier(settings.superuser())
                    + (majorVersion >= 15 ? " STRATEGY FILE_COPY" : ""));
        }
        List<String> grantees = new ArrayList<>();
        roles.stream().sorted().forEach(role -> grantees.add(Quoting.sqlIdentifier(role.user())));
        settings.tlsRoles().forEach(role -> grantees.add(Quoting.sqlIdentifier(role.user())));
        if (!grantees.isEmpty()) {
            statements.add("GRANT CONNECT, CREATE ON DATABASE " + database + " TO " + String.join(", ", grantees));
        }
        statements.add("SELECT current_setting('server_version')");
        statements.add("SELECT current_setting('server_version_num')");
        statements.add(HBA_ERRORS);
        return String.join(";\n", statements) + ";\n";
    }
}
