package io.ysql.config;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a JDBC URL: {@code jdbc:ysql://host[:port][,host2[:port2]…]/dbname?key=value&…}, with
 * {@code jdbc:postgresql:} and {@code jdbc:yugabytedb:} accepted the same, and pgjdbc's short forms
 * {@code jdbc:postgresql:dbname}, {@code jdbc:postgresql:/} and {@code jdbc:postgresql://host/}.
 * Hosts and query follow {@link ConnectionUri} (IPv6 in brackets, percent-decoding, a
 * {@code user:password@} part tolerated); a query key without {@code =} gets the empty value, as
 * in pgjdbc. The prefix is kept so {@code getURL} can answer with the one the user chose.
 */
final class JdbcUrl {
    /** The accepted prefixes; the first is the driver's own. */
    static final List<String> PREFIXES = List.of("jdbc:ysql:", "jdbc:postgresql:", "jdbc:yugabytedb:");

    /** A parsed URL: its prefix and its settings in order. */
    record Parsed(String prefix, List<Setting> settings) {}

    private JdbcUrl() {}

    static boolean accepts(String url) {
        return url != null && PREFIXES.stream().anyMatch(url::startsWith);
    }

    static Parsed parse(String url) throws SQLException {
        String prefix = PREFIXES.stream().filter(url::startsWith).findFirst().orElseThrow(() ->
                ConfigError.of("unsupported JDBC URL; expected one starting with " + String.join(", ", PREFIXES)));
        String rest = url.substring(prefix.length());
        int q = rest.indexOf('?');
        String query = q >= 0 ? rest.substring(q + 1) : "";
        String main = q >= 0 ? rest.substring(0, q) : rest;

        List<Setting> out = new ArrayList<>();
        String path;
        if (main.startsWith("//")) {
            String afterSlashes = main.substring(2);
            int slash = afterSlashes.indexOf('/');
            ConnectionUri.authority(slash >= 0 ? afterSlashes.substring(0, slash) : afterSlashes, "URL", out);
            path = slash >= 0 ? afterSlashes.substring(slash + 1) : "";
        } else {
            path = main.startsWith("/") ? main.substring(1) : main;
        }
        if (!path.isEmpty()) out.add(new Setting("dbname", PercentEncoding.decode(path, "the URL database name")));
        ConnectionUri.query(query, false, "URL", out);
        return new Parsed(prefix, List.copyOf(out));
    }
}
