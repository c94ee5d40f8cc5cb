package io.ysql.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text the testkit adds to a fresh cluster's {@code postgresql.conf} and the whole of its
 * {@code pg_hba.conf}. Durability is traded for speed (no fsync, no full-page writes) because the
 * cluster is thrown away. Pure functions; the launcher writes the files.
 */
final class ServerFiles {
    private ServerFiles() {}

    /** Lines appended to postgresql.conf; later lines win, so extra settings come last. */
    static String confAdditions(PgCluster.Settings settings, int port, Path socketDirectory) {
        List<String> lines = new ArrayList<>(List.of(
                "",
                "# added by io.ysql.testkit",
                "listen_addresses = " + Quoting.confValue(String.join(",", settings.listenAddresses())),
                "port = " + port,
                "unix_socket_directories = " + Quoting.confValue(socketDirectory.toString()),
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "max_connections = 200",
                "shared_buffers = 32MB",
                "password_encryption = " + Quoting.confValue(settings.passwordEncryption()),
                "log_min_messages = warning",
                "logging_collector = off"));
        lines.addAll(ServerTls.confLines(settings));
        lines.addAll(settings.extraConf());
        return String.join("\n", lines) + "\n";
    }

    /** A later {@code port} line, for a retry after the first port was taken. */
    static String portOverride(int port) {
        return "port = " + port + "\n";
    }

    /**
     * pg_hba.conf: trust on the unix socket (administration), the extra lines, one {@code hostssl}
     * line per TLS role and loopback address, one line per auth role and loopback address, then
     * every other role with the cluster's password method; the type of the last two kinds of line
     * comes from the settings' {@link HbaMode}.
     */
    static String hba(PgCluster.Settings settings, Set<AuthRole> roles, boolean ipv6) {
        List<String> addresses = ipv6 ? List.of("127.0.0.1/32", "::1/128") : List.of("127.0.0.1/32");
        List<String> lines = new ArrayList<>(List.of(
                "# written by io.ysql.testkit",
                "# TYPE  DATABASE  USER  ADDRESS  METHOD",
                "local all all trust"));
        lines.addAll(settings.extraHba());
        Set<TlsRole> tlsRoles = settings.tlsRoles();
        for (TlsRole role : TlsRole.values()) {
            if (!tlsRoles.contains(role)) continue;
            for (String address : addresses) {
                lines.add("hostssl all " + role.user() + " " + address + " " + role.hbaMethod());
            }
        }
        String type = settings.hbaMode().recordType();
        for (AuthRole role : AuthRole.values()) {
            if (!roles.contains(role)) continue;
            for (String address : addresses) {
                lines.add(type + " all " + role.user() + " " + address + " " + role.hbaMethod());
            }
        }
        for (String address : addresses) {
            lines.add(type + " all all " + address + " " + settings.passwordEncryption());
        }
        return String.join("\n", lines) + "\n";
    }
}
