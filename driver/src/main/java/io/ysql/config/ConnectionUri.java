package io.ysql.config;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a libpq connection URI,
 * {@code postgresql://[user[:password]@][host][:port][,host2[:port2]…][/dbname][?key=value&…]}
 * (also {@code postgres://}), into settings. Every part is percent-decoded; an IPv6 address is
 * written in brackets; an empty part keeps its default; query keys are option names, so
 * {@code ?host=/var/run/postgresql} names a socket directory. The host-list and query grammar is
 * shared with {@link JdbcUrl}.
 */
final class ConnectionUri {
    static final List<String> PREFIXES = List.of("postgresql://", "postgres://");

    private ConnectionUri() {}

    static boolean accepts(String text) {
        return PREFIXES.stream().anyMatch(text::startsWith);
    }

    static List<Setting> parse(String text) throws SQLException {
        String prefix = PREFIXES.stream().filter(text::startsWith).findFirst().orElseThrow();
        String rest = text.substring(prefix.length());
        int q = rest.indexOf('?');
        String query = q >= 0 ? rest.substring(q + 1) : "";
        String main = q >= 0 ? rest.substring(0, q) : rest;
        int slash = main.indexOf('/');
        String authority = slash >= 0 ? main.substring(0, slash) : main;
        String path = slash >= 0 ? main.substring(slash + 1) : "";

        List<Setting> out = new ArrayList<>();
        authority(authority, "URI", out);
        if (!path.isEmpty()) out.add(new Setting("dbname", PercentEncoding.decode(path, "the URI database name")));
        query(query, true, "URI", out);
        return out;
    }

    /** {@code [user[:password]@]host[:port][,…]} → user, password, host and port settings. */
    static void authority(String authority, String what, List<Setting> out) throws SQLException {
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            int colon = userinfo.indexOf(':');
            String user = colon >= 0 ? userinfo.substring(0, colon) : userinfo;
            if (!user.isEmpty()) out.add(new Setting("user", PercentEncoding.decode(user, "the " + what + " user")));
            if (colon >= 0 && colon < userinfo.length() - 1) {
                out.add(new Setting("password",
                        PercentEncoding.decode(userinfo.substring(colon + 1), "the " + what + " password")));
            }
            authority = authority.substring(at + 1);
        }
        hosts(authority, what, out);
    }

    private static void hosts(String list, String what, List<Setting> out) throws SQLException {
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            String host;
            String port = "";
            if (item.startsWith("[")) {
                int close = item.indexOf(']');
                if (close < 0) throw ConfigError.of("missing \"]\" after IPv6 address in " + what);
                host = item.substring(1, close);
                String after = item.substring(close + 1);
                if (!after.isEmpty() && !after.startsWith(":")) {
                    throw ConfigError.of("unexpected text after IPv6 address in " + what);
                }
                if (!after.isEmpty()) port = after.substring(1);
            } else {
                int colon = item.indexOf(':');
                host = colon >= 0 ? item.substring(0, colon) : item;
                if (colon >= 0) port = item.substring(colon + 1);
            }
            host = PercentEncoding.decode(host, "the " + what + " host");
            if (host.indexOf(',') >= 0) throw ConfigError.of("a host name in the " + what + " contains \",\"");
            hosts.add(host);
            ports.add(PercentEncoding.decode(port, "the " + what + " port"));
        }
        if (hosts.stream().anyMatch(h -> !h.isEmpty())) out.add(new Setting("host", String.join(",", hosts)));
        if (ports.stream().anyMatch(p -> !p.isEmpty())) out.add(new Setting("port", String.join(",", ports)));
    }

    /**
     * {@code key=value&…}, both percent-decoded; empty items are skipped. A key without {@code =}
     * is an error when {@code requireValue}, else it gets the empty value (pgjdbc's rule).
     */
    static void query(String query, boolean requireValue, String what, List<Setting> out) throws SQLException {
        if (query.isEmpty()) return;
        for (String item : query.split("&", -1)) {
            if (item.isEmpty()) continue;
            int eq = item.indexOf('=');
            if (eq < 0 && requireValue) {
                throw ConfigError.of("missing \"=\" in " + what + " query parameter \""
                        + PercentEncoding.decode(item, "the " + what + " query") + "\"");
            }
            String key = PercentEncoding.decode(eq < 0 ? item : item.substring(0, eq), "the " + what + " query");
            String value = eq < 0 ? "" : PercentEncoding.decode(item.substring(eq + 1), "the " + what + " query");
            if (key.isEmpty()) throw ConfigError.of("empty option name in " + what + " query");
            out.add(new Setting(key, value));
        }
    }
}
